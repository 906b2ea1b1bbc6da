"""Real-client POP3 scenarios for pop3-clients.test.ts, using Python's poplib (nobody here wrote it).

usage: python3 pop3_client.py SCENARIO PORT USER PASSWORD [ARGS...]; prints one JSON object.
"""
import base64
import json
import poplib
import socket
import ssl
import sys


def insecure():
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def text(value):
    return value.decode("latin-1") if isinstance(value, bytes) else value


def whole(lines):
    """poplib undoes the byte-stuffing and strips CRLF; put the message back together."""
    return base64.b64encode(b"".join(line + b"\r\n" for line in lines)).decode()


def plain_login(port, user, password):
    client = poplib.POP3("127.0.0.1", port, timeout=10)
    capa = {text(k): v for k, v in client.capa().items()}
    try:
        client.user(user)
        client.pass_(password)
        before = "accepted"
    except poplib.error_proto as error:
        before = text(error.args[0])
    client.stls(context=insecure())
    return client, capa, before


def session(port, user, password):
    client, capa, before = plain_login(port, user, password)
    capa_tls = sorted(text(k) for k in client.capa())
    client.user(user)
    client.pass_(password)
    count, size = client.stat()
    listing = [text(x) for x in client.list()[1]]
    uidl = [text(x) for x in client.uidl()[1]]
    one = text(client.uidl(1))
    top = client.top(count, 0)[1]
    retr = client.retr(count)[1]
    result = {"capa": sorted(capa), "capaTls": capa_tls, "userBeforeTls": before, "stat": [count, size],
              "list": listing, "uidl": uidl, "uidl1": one, "top": whole(top), "retr": whole(retr)}
    client.quit()
    return result


def apop(port, user, password):
    client = poplib.POP3("127.0.0.1", port, timeout=10)
    client.stls(context=insecure())
    welcome = text(client.getwelcome())
    reply = text(client.apop(user, password))
    count, size = client.stat()
    client.quit()
    return {"welcome": welcome, "reply": reply, "stat": [count, size]}


def dele_rset(port, user, password):
    """DELE, RSET undoes it, DELE again, QUIT: only the second takes effect (RFC 1939 §5, §6)."""
    client, _, _ = plain_login(port, user, password)
    client.user(user)
    client.pass_(password)
    count, _ = client.stat()
    uid = text(client.uidl(1)).split()[-1]
    client.dele(1)
    try:
        client.retr(1)
        again = "allowed"
    except poplib.error_proto as error:
        again = text(error.args[0])
    client.rset()
    after_rset = client.stat()[0]
    client.dele(1)
    quit_reply = text(client.quit())
    return {"count": count, "deletedUid": uid, "retrDeleted": again, "afterRset": after_rset, "quit": quit_reply}


def drop(port, user, password):
    """DELE everything, then drop the TCP connection without QUIT: nothing may be deleted."""
    client, _, _ = plain_login(port, user, password)
    client.user(user)
    client.pass_(password)
    count, _ = client.stat()
    for n in range(1, count + 1):
        client.dele(n)
    client.sock.shutdown(socket.SHUT_RDWR)
    client.sock.close()
    return {"count": count}


def implicit(port, user, password):
    client = poplib.POP3_SSL("127.0.0.1", port, timeout=10, context=insecure())
    capa = sorted(text(k) for k in client.capa())
    client.user(user)
    client.pass_(password)
    count, size = client.stat()
    retr = client.retr(count)[1] if count else []
    client.quit()
    return {"capa": capa, "stat": [count, size], "retr": whole(retr)}


def in_use(port, user, password):
    """RFC 2449 §8.1.2: a second session for a locked maildrop gets [IN-USE]."""
    first, _, _ = plain_login(port, user, password)
    first.user(user)
    first.pass_(password)
    second, _, _ = plain_login(port, user, password)
    second.user(user)
    try:
        second.pass_(password)
        reply = "accepted"
    except poplib.error_proto as error:
        reply = text(error.args[0])
    first.quit()
    return {"second": reply}


SCENARIOS = {"session": session, "apop": apop, "dele-rset": dele_rset, "drop": drop,
             "implicit": implicit, "in-use": in_use}

if __name__ == "__main__":
    scenario, port, user, password = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    print(json.dumps(SCENARIOS[scenario](port, user, password)))
