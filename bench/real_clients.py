"""The real-client workloads of `npm run bench`: Python's own imaplib, smtplib and poplib, one
command at a time as they work, against any server. Prints one JSON object: seconds per workload.

  real_clients.py smtp HOST PORT FROM TO COUNT
  real_clients.py pop3 HOST PORT USER PASSWORD EXPECTED
  real_clients.py imap-append HOST PORT USER PASSWORD MAILBOX COUNT
  real_clients.py imap-read HOST PORT USER PASSWORD MAILBOX

The messages are the same on every server (bench/messages.ts makes the same shape for the
in-process rows): ~2 KB, every tenth subject with "xylophone", every seventh body with "needle".

With BENCH_SERVER_PID set (the server's main process), each timed step also reports `<name>_cpu`:
the CPU seconds that process and every process below it spent during the step (Linux), from each
thread's /proc schedstat, in nanoseconds, so a step of tens of milliseconds is still resolved.
"""
import glob
import imaplib
import json
import os
import poplib
import smtplib
import sys
import time

FILLER = 'The quick brown fox jumps over the lazy dog while the mail goes round. '


def message(index: int, size: int = 2048) -> bytes:
    subject = f'Report {index} xylophone' if index % 10 == 0 else f'Report {index}'
    word = ' mentions needle' if index % 7 == 0 else ''
    head = '\r\n'.join([
        'From: Bench Sender <sender@example.net>',
        'To: Bench <bench@example.com>',
        f'Subject: {subject}',
        f'Message-ID: <bench.{index}@example.net>',
        f'Date: Thu, 26 Nov 2026 10:{index % 60:02d}:00 +0000',
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=us-ascii',
        '',
        f'Message number {index}{word}.',
    ]) + '\r\n'
    lines = []
    total = len(head)
    while total < size - 2:
        line = FILLER[:min(len(FILLER), size - total - 2)].rstrip() or 'x'
        lines.append(line)
        total += len(line) + 2
    return (head + ''.join(line + '\r\n' for line in lines)).encode('ascii')


def server_tree(pid: int) -> list:
    """`pid` and its descendants (Dovecot's master forks imap, pop3, auth; Postfix's, smtpd and more)."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        for children in glob.glob(f'/proc/{p}/task/*/children'):
            try:
                with open(children) as f:
                    todo.extend(int(c) for c in f.read().split())
            except OSError:
                pass
    return out


def server_cpu_ns():
    """CPU nanoseconds used so far by the server's process tree, every thread (GC helpers too); None when unknown."""
    pid = os.environ.get('BENCH_SERVER_PID')
    if not pid:
        return None
    total = 0
    for p in server_tree(int(pid)):
        for stat in glob.glob(f'/proc/{p}/task/*/schedstat'):
            try:
                with open(stat) as f:
                    total += int(f.read().split()[0])
            except (OSError, ValueError, IndexError):
                pass  # a thread that ended meanwhile
    return total


def timed(results: dict, name: str, run):
    cpu = server_cpu_ns()
    client = time.process_time()
    start = time.perf_counter()
    value = run()
    results[name] = time.perf_counter() - start
    # The client's own CPU in the step: wall time above it is time it waited for the server.
    results[f'{name}_client'] = time.process_time() - client
    if cpu is not None:
        # A process that ended during the step takes its time with it: a floor, not a ceiling.
        results[f'{name}_cpu'] = max(0, server_cpu_ns() - cpu) / 1e9
    return value


def ok(reply, what: str):
    status, data = reply
    if status != 'OK':
        raise SystemExit(f'{what}: {status} {data!r}')
    return data


def smtp(host: str, port: int, sender: str, rcpt: str, count: int) -> dict:
    results: dict = {}
    bodies = [message(i) for i in range(count)]
    client = smtplib.SMTP(host, port, local_hostname='bench.example.net')
    client.ehlo()

    def send_all():
        for body in bodies:
            client.sendmail(sender, [rcpt], body)

    timed(results, 'smtp_send', send_all)
    client.quit()
    return results


def pop3(host: str, port: int, user: str, password: str, expected: int) -> dict:
    results: dict = {}
    # Mail may still be on its way (Postfix queues, then delivers): wait, untimed.
    deadline = time.time() + 120
    while True:
        client = poplib.POP3(host, port)
        client.user(user)
        client.pass_(password)
        count, _ = client.stat()
        if count >= expected or time.time() > deadline:
            break
        client.quit()
        time.sleep(0.5)

    def retr_all():
        octets = 0
        for n in range(1, count + 1):
            _, lines, size = client.retr(n)
            octets += size
        return octets

    results['pop3_octets'] = timed(results, 'pop3_retr', retr_all)
    results['pop3_messages'] = count
    client.quit()
    return results


def imap_login(host: str, port: int, user: str, password: str) -> imaplib.IMAP4:
    client = imaplib.IMAP4(host, port)
    ok(client.login(user, password), 'LOGIN')
    return client


def imap_append(host: str, port: int, user: str, password: str, mailbox: str, count: int) -> dict:
    results: dict = {}
    client = imap_login(host, port, user, password)
    client.create(mailbox)  # may exist already: its answer does not matter
    bodies = [message(i) for i in range(count)]

    def append_all():
        for body in bodies:
            ok(client.append(mailbox, None, None, body), 'APPEND')

    timed(results, 'imap_append', append_all)
    client.logout()
    return results


def imap_read(host: str, port: int, user: str, password: str, mailbox: str) -> dict:
    results: dict = {}
    client = imap_login(host, port, user, password)

    def select_fetch():
        ok(client.select(mailbox), 'SELECT')
        return ok(client.fetch('1:*', '(FLAGS ENVELOPE)'), 'FETCH')

    envelopes = timed(results, 'imap_fetch_envelope', select_fetch)
    results['imap_envelopes'] = sum(1 for item in envelopes if item)
    bodies_back = timed(results, 'imap_uid_fetch_body', lambda: ok(client.uid('FETCH', '1:*', '(BODY.PEEK[])'), 'UID FETCH'))
    results['imap_bodies'] = sum(1 for item in bodies_back if isinstance(item, tuple))
    subject = timed(results, 'imap_search_subject', lambda: ok(client.search(None, 'SUBJECT', 'xylophone'), 'SEARCH'))
    results['imap_subject_hits'] = len(subject[0].split())
    body = timed(results, 'imap_search_body', lambda: ok(client.search(None, 'BODY', 'needle'), 'SEARCH'))
    results['imap_body_hits'] = len(body[0].split())
    client.logout()
    return results


def main(argv):
    kind, host, port = argv[0], argv[1], int(argv[2])
    if kind == 'smtp':
        out = smtp(host, port, argv[3], argv[4], int(argv[5]))
    elif kind == 'pop3':
        out = pop3(host, port, argv[3], argv[4], int(argv[5]))
    elif kind == 'imap-append':
        out = imap_append(host, port, argv[3], argv[4], argv[5], int(argv[6]))
    elif kind == 'imap-read':
        out = imap_read(host, port, argv[3], argv[4], argv[5])
    else:
        raise SystemExit(f'unknown workload {kind}')
    print(json.dumps(out))


if __name__ == '__main__':
    main(sys.argv[1:])
