"""Real-client IMAP scenarios for imap-clients.test.ts, using Python's imaplib (nobody here wrote it).

usage: python3 imap_client.py SCENARIO PORT USER PASSWORD [ARGS...]; prints one JSON object.
Every command's (typ, data) is returned with bytes decoded as latin-1.
"""
import imaplib
import json
import ssl
import sys


def insecure():
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def plain(value):
    if isinstance(value, bytes):
        return value.decode("latin-1")
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def connect(port, user, password):
    client = imaplib.IMAP4("127.0.0.1", port, timeout=10)
    before = sorted(client.capabilities)
    client.starttls(ssl_context=insecure())
    client.login(user, password)
    return client, before


MESSAGE = (b"From: Dave <dave@example.com>\r\n"
           b"To: alice@example.com\r\n"
           b"Subject: appended by imaplib\r\n"
           b"\r\n"
           b"A literal, {11}\r\nnot a literal.\r\n")


def tour(port, user, password):
    client, before = connect(port, user, password)
    r = {"before": before, "after": sorted(client.capabilities)}
    r["list"] = plain(client.list())
    r["select"] = plain(client.select("INBOX"))
    r["exists"] = plain(client.response("EXISTS"))
    r["uidvalidity"] = plain(client.response("UIDVALIDITY"))
    for name, criteria in [("unseen", ["UNSEEN"]), ("from", ["FROM", '"carol"']),
                           ("subject", ["SUBJECT", '"plans"']), ("or", ["OR", "FLAGGED", "SEEN"]),
                           ("since", ["SINCE", "1-Jan-2020", "NOT", "DELETED", "LARGER", "10"]),
                           ("body", ["BODY", '"usual place"'])]:
        r["search_" + name] = plain(client.search(None, *criteria))
    r["flags"] = plain(client.fetch("1:*", "(FLAGS)"))
    r["envelope"] = plain(client.fetch("2", "(ENVELOPE)"))
    r["bodystructure"] = plain(client.fetch("2", "(BODYSTRUCTURE)"))
    r["headerfields"] = plain(client.fetch("1", "(BODY.PEEK[HEADER.FIELDS (SUBJECT FROM)])"))
    r["flagsAfterPeek"] = plain(client.fetch("2", "(FLAGS)"))
    r["body"] = plain(client.fetch("2", "(BODY[])"))
    r["flagsAfterBody"] = plain(client.fetch("2", "(FLAGS)"))
    r["store"] = plain(client.store("3", "+FLAGS", "(\\Answered)"))
    r["copy"] = plain(client.copy("1:2", "Archive"))
    r["append"] = plain(client.append("Drafts", "(\\Draft)", None, MESSAGE))
    r["status"] = plain(client.status("Drafts", "(MESSAGES UIDNEXT UIDVALIDITY UNSEEN)"))
    r["uidSearch"] = plain(client.uid("SEARCH", "ALL"))
    uids = r["uidSearch"][1][0].split()
    r["uidFetch"] = plain(client.uid("FETCH", uids[-1], "(UID FLAGS RFC822.SIZE)"))
    r["uidStore"] = plain(client.uid("STORE", uids[0], "+FLAGS", "(\\Deleted)"))
    r["expunge"] = plain(client.expunge())
    r["examine"] = plain(client.select("Archive", readonly=True))
    r["archiveFetch"] = plain(client.fetch("1:*", "(UID BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)])"))
    r["logout"] = plain(client.logout())
    return r


def implicit(port, user, password):
    client = imaplib.IMAP4_SSL("127.0.0.1", port, ssl_context=insecure(), timeout=10)
    r = {"capabilities": sorted(client.capabilities)}
    client.login(user, password)
    r["select"] = plain(client.select("INBOX", readonly=True))
    r["fetch"] = plain(client.fetch("1", "(BODY.PEEK[])"))
    client.logout()
    return r


def flag_and_expunge(port, user, password, flag_uid, expunge_uid):
    """The second real client of the two-client test: a flag change, then an expunge."""
    client, _ = connect(port, user, password)
    client.select("INBOX")
    r = {"flag": plain(client.uid("STORE", flag_uid, "+FLAGS", "(\\Flagged)"))}
    r["delete"] = plain(client.uid("STORE", expunge_uid, "+FLAGS", "(\\Deleted)"))
    r["expunge"] = plain(client.expunge())
    client.logout()
    return r


def login_before_tls(port, user, password):
    client = imaplib.IMAP4("127.0.0.1", port, timeout=10)
    try:
        client.login(user, password)
        result = "accepted"
    except imaplib.IMAP4.error as error:
        result = str(error)
    return {"capabilities": sorted(client.capabilities), "login": result}


SCENARIOS = {"tour": tour, "implicit": implicit, "flag-and-expunge": flag_and_expunge,
             "login-before-tls": login_before_tls}

if __name__ == "__main__":
    scenario, port, user, password = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    print(json.dumps(SCENARIOS[scenario](port, user, password, *sys.argv[5:])))
