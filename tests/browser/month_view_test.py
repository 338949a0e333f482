#!/usr/bin/env python3
"""The month view (`rulebook check --format html`) in a real browser: headless Chromium renders the
shipped example without a script error, the screenshot is not blank, and the rendered page has a
row per person, a cell per day of the period, and every finding of the JSON verdict. A finding named
in the address (`month.html#f3`, `month.html?open=f6`) opens, which shows the page's script at work. Python 3's standard
library only.

usage: month_view_test.py RULEBOOK SOURCE_DIR CHROMIUM [--screenshot OUT.png] [--lang en|zh]
  --screenshot  also keep the screenshot (with finding 6 open) as OUT.png (docs/month-view.png)
"""
import datetime
import html.parser
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

POLICY = "policies/customer-service.yaml"
CASE = "examples/march-2026.yaml"
TIMEOUT_SECONDS = 120
WIDTH, HEIGHT = 1600, 1000


def chromium(binary, profile, *args):
    """Runs headless Chromium; its stdout and stderr."""
    cmd = [binary, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
           "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--hide-scrollbars",
           "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", *args]
    run = subprocess.run(cmd, capture_output=True, timeout=TIMEOUT_SECONDS)
    return run.returncode, run.stdout.decode("utf-8", "replace"), run.stderr.decode("utf-8", "replace")


def console_errors(log):
    """Lines of Chromium's log that report a script error or a failed load."""
    return [line for line in log.splitlines()
            if "Uncaught" in line or ("CONSOLE" in line and ":ERROR:" in line)
            or "net::ERR_" in line]


def png_pixels(path):
    """(width, height, rows of RGB(A) byte strings) of an 8-bit truecolour PNG."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG file"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0, f"unexpected PNG format {header}"
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = previous[i]
            c = previous[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + b) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(bytes(line))
        previous = line
    return width, height, bpp, rows


class Dom(html.parser.HTMLParser):
    """The elements of the dumped DOM that the test looks at."""

    def __init__(self):
        super().__init__()
        self.body = {}
        self.rows = []          # (person, [dates of its day cells])
        self.by_id = {}         # id -> (tag, attributes, the enclosing cell's class)
        self.cell = None
        self.tips = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "body":
            self.body = a
        elif tag == "tr" and "person" in classes:
            self.rows.append((a.get("data-person"), []))
        elif tag == "td" and self.rows and ("day" in classes or "oth" in classes):
            self.cell = "day" if "day" in classes else "oth"
            if "day" in classes:
                self.rows[-1][1].append(a.get("data-date"))
        if "id" in a:
            self.by_id[a["id"]] = (tag, a, self.cell)
        if "tip" in classes:
            self.tips += 1

    def handle_endtag(self, tag):
        if tag in ("td", "tr", "table"):
            self.cell = None


def period_and_people(case_text):
    """The example's period and its people's ids, read from its YAML (flow mappings, one a line)."""
    m = re.search(r"^period: \{from: (\S+), to: (\S+)\}", case_text, re.M)
    first, last = (datetime.date.fromisoformat(x) for x in m.groups())
    section = case_text.split("\npeople:\n", 1)[1].split("\nshifts:\n", 1)[0]
    people = re.findall(r"^  - \{id: ([^,]+),", section, re.M)
    days = [(first + datetime.timedelta(days=i)).isoformat() for i in range((last - first).days + 1)]
    return days, people


def main(argv):
    if len(argv) < 4:
        print(__doc__)
        return 2
    rulebook, root, browser = argv[1], os.path.abspath(argv[2]), argv[3]
    keep = argv[argv.index("--screenshot") + 1] if "--screenshot" in argv else None
    lang = argv[argv.index("--lang") + 1] if "--lang" in argv else "en"
    os.chdir(root)
    tmp = tempfile.mkdtemp(prefix="rulebook-browser-")
    problems = []
    try:
        page = os.path.join(tmp, "month.html")
        run = subprocess.run([rulebook, "check", "--policy", POLICY, CASE, "--format", "html", "--lang", lang],
                             capture_output=True, timeout=TIMEOUT_SECONDS)
        if run.returncode != 1:  # the example has violations
            problems.append(f"rulebook check --format html: exit status {run.returncode}: {run.stderr!r}")
        open(page, "wb").write(run.stdout)
        verdict = json.loads(subprocess.run([rulebook, "check", "--policy", POLICY, CASE, "--format", "json"],
                                            capture_output=True, timeout=TIMEOUT_SECONDS).stdout)
        url = "file://" + page

        # The screenshot, with finding 6 opened from the address (`?open=`, which does not scroll); the
        # log must hold no script error.
        shot = os.path.join(tmp, "month.png")
        status, _, log = chromium(browser, os.path.join(tmp, "profile-1"), f"--screenshot={shot}",
                                  f"--window-size={WIDTH},{HEIGHT}", url + "?open=f6")
        if status != 0:
            problems.append(f"chromium --screenshot: exit status {status}")
        problems += [f"browser log: {line}" for line in console_errors(log)]
        if not os.path.exists(shot):
            problems.append("no screenshot was written")
        else:
            width, height, bpp, rows = png_pixels(shot)
            if (width, height) != (WIDTH, HEIGHT):
                problems.append(f"the screenshot is {width}x{height}, not {WIDTH}x{HEIGHT}")
            colours, inked = set(), 0
            for row in rows[::4]:
                for x in range(0, len(row), bpp * 4):
                    pixel = row[x:x + 3]
                    colours.add(pixel)
                    inked += pixel != b"\xff\xff\xff"
            sampled = len(rows[::4]) * len(range(0, len(rows[0]), bpp * 4))
            if len(colours) < 8 or inked < sampled // 100:
                problems.append(f"the screenshot looks blank: {len(colours)} colours, {inked} of {sampled} "
                                "sampled pixels not white")
            if keep:
                shutil.copyfile(shot, keep)

        # The rendered DOM.
        status, dom_text, log = chromium(browser, os.path.join(tmp, "profile-2"), "--dump-dom",
                                         f"--window-size={WIDTH},{HEIGHT}", url + "#f3")
        if status != 0:
            problems.append(f"chromium --dump-dom: exit status {status}")
        problems += [f"browser log: {line}" for line in console_errors(log)]
        dom = Dom()
        dom.feed(dom_text)
        if dom.body.get("data-ready") != "1":
            problems.append("the page's script did not run to its end (no data-ready on <body>)")
        if "data-errors" in dom.body:
            problems.append(f"script errors on the page: {dom.body['data-errors']}")
        days, people = period_and_people(open(CASE, encoding="utf-8").read())
        if [p for p, _ in dom.rows] != people:
            problems.append(f"rows {[p for p, _ in dom.rows]}, expected one per person {people}")
        for person, cells in dom.rows:
            if cells != days:
                problems.append(f"{person}'s row has {len(cells)} day cells, expected {len(days)} "
                                f"({days[0]} to {days[-1]})")
        opened = dom.by_id.get("f3")
        if not opened or "open" not in opened[1].get("class", "").split() or opened[1].get("aria-expanded") != "true":
            problems.append("finding f3, named in the address, did not open")

        # Every finding of the verdict, where it belongs.
        for k, f in enumerate(verdict["findings"]):
            chip = dom.by_id.get(f"f{k + 1}")
            what = f"finding {k + 1} ({f['rule']}, {f['subject']})"
            if chip is None:
                problems.append(f"{what} is not on the page")
                continue
            _, a, cell = chip
            expected = {"data-rule": f["rule"], "data-clause": f["clause"], "data-effect": f["effect"],
                        "data-employee": f["subject"]["employee"]}
            if "shift" in f["subject"]:
                expected["data-shift"] = f["subject"]["shift"]
            for key, value in expected.items():
                if a.get(key) != value:
                    problems.append(f"{what}: {key} is {a.get(key)!r}, expected {value!r}")
            if cell not in ("day", "oth"):
                problems.append(f"{what} is not in a cell of the month")
        for i, r in enumerate(verdict["requests"]):
            for k, f in enumerate(r["findings"]):
                chip = dom.by_id.get(f"r{i + 1}f{k + 1}")
                if chip is None or chip[1].get("data-rule") != f["rule"] or chip[1].get("data-request") != r["id"]:
                    problems.append(f"request {r['id']}'s finding {f['rule']} is not on the page")
            row = dom.by_id.get(f"r{i + 1}")
            if row is None or row[1].get("data-decision") != r["decision"]:
                problems.append(f"request {r['id']} is not listed as {r['decision']}")

        # A4 landscape in print.
        pdf = os.path.join(tmp, "month.pdf")
        status, _, log = chromium(browser, os.path.join(tmp, "profile-3"), f"--print-to-pdf={pdf}",
                                  "--no-pdf-header-footer", url)
        if status != 0 or not os.path.exists(pdf) or not open(pdf, "rb").read(5) == b"%PDF-":
            problems.append("chromium --print-to-pdf wrote no PDF")
        else:
            boxes = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", open(pdf, "rb").read())
            if not boxes or any(not (abs(float(w) - 842) < 2 and abs(float(h) - 595) < 2) for w, h in boxes):
                problems.append(f"the printed pages are not A4 landscape: {boxes[:3]}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    for p in problems:
        print("FAIL " + p)
    print(f"{0 if problems else 1} passed, {1 if problems else 0} failed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
