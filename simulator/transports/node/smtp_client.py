"""Real-client SMTP scenarios for smtp-clients.test.ts, using Python's smtplib (nobody here wrote it).

usage: python3 smtp_client.py SCENARIO PORT MESSAGE_FILE [ARGS...]; prints one JSON object.
"""
import json
import smtplib
import ssl
import sys


def insecure():
    # The server's certificate is self-signed: encrypt, but don't verify (tests only).
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def features(client):
    return sorted(client.esmtp_features.keys())


def submission(port, message, recipients):
    with smtplib.SMTP("127.0.0.1", port, timeout=10) as client:
        client.ehlo("laptop.example")
        before = features(client)
        try:
            client.login("alice", "wonderland")
            login_before_tls = "accepted"
        except smtplib.SMTPException as error:
            login_before_tls = type(error).__name__
        client.starttls(context=insecure())
        client.ehlo("laptop.example")
        after = features(client)
        client.login("alice@example.com", "wonderland")
        refused = client.sendmail("alice@example.com", recipients, message)
        noop = client.noop()
        return {"before": before, "after": after, "loginBeforeTls": login_before_tls,
                "refused": refused, "noop": noop[0]}


def mx(port, message, recipients):
    # Port 25's role: anyone may deliver to the host's own domains, without AUTH.
    with smtplib.SMTP("127.0.0.1", port, timeout=10) as client:
        code, _ = client.ehlo("relay.example.net")
        refused = client.sendmail("someone@example.net", recipients, message)
        try:
            client.sendmail("someone@example.net", ["victim@elsewhere.example"], message)
            relay = "accepted"
        except smtplib.SMTPRecipientsRefused as error:
            relay = list(error.recipients.values())[0][0]
        return {"ehlo": code, "refused": refused, "relay": relay, "features": features(client)}


def smtputf8(port, message, recipients):
    with smtplib.SMTP("127.0.0.1", port, timeout=10) as client:
        client.ehlo("laptop.example")
        client.starttls(context=insecure())
        client.ehlo("laptop.example")
        client.login("alice@example.com", "wonderland")
        refused = client.sendmail("alice@example.com", recipients, message,
                                  mail_options=["SMTPUTF8", "BODY=8BITMIME"])
        return {"refused": refused, "features": features(client)}


def implicit(port, message, recipients):
    with smtplib.SMTP_SSL("127.0.0.1", port, timeout=10, context=insecure()) as client:
        client.ehlo("laptop.example")
        client.login("carol", "singer")
        refused = client.sendmail("carol@example.com", recipients, message)
        return {"refused": refused, "features": features(client), "cipher": client.sock.version()}


SCENARIOS = {"submission": submission, "mx": mx, "smtputf8": smtputf8, "implicit": implicit}

if __name__ == "__main__":
    scenario, port, message_file = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    with open(message_file, "rb") as f:
        data = f.read()
    print(json.dumps(SCENARIOS[scenario](port, data, sys.argv[4:])))
