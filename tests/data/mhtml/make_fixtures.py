"""Generate the MHTML fixtures: a small invented recap saved the way Chrome and IE save pages.

Run ``python tests/data/mhtml/make_fixtures.py``; the generated files are committed. Everything
here (site, show, people) is invented for these tests.

- ``snapshot.mhtml``: Blink style. Subject as RFC 2047 ``=?utf-8?Q?...?=`` words, quoted-printable
  HTML with soft line breaks and ``=E2=80=99`` UTF-8, a CSS part, a PNG referenced by ``cid:``, one
  by absolute Content-Location, one by a relative ``src`` (resolved against the page's
  Content-Location), a missing image, and an iframe's HTML part after the page.
- ``truncated.mhtml``: ``snapshot.mhtml`` cut in the middle of the HTML part (no closing boundary).
- ``truncated-image.mhtml``: cut in the middle of the first image's base64.
- ``ie-latin1.mht``: IE style, HTML part declared ``charset="iso-8859-1"`` holding Windows-1252
  curly quotes, with no ``<meta>`` in the page.
- ``untitled.mhtml``: a page with no ``<title>`` and no headline, so the Subject must serve.
- ``no-html.mhtml``: a multipart/related with only an image part.
- ``no-boundary-param.mhtml``: the top-level Content-Type lost its ``boundary`` parameter.
- ``plain-email.eml`` and ``newsletter.eml``: e-mails that are not page snapshots.
"""

from __future__ import annotations

import base64
import quopri
import struct
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
BOUNDARY = "----MultipartBoundary--Lx7Qw2Rt9Yp4Ks1Dv6Hn3Bm8Zc5Fg0Ja----"
PAGE_URL = "https://www.reelside.test/tv/lantern-street-episode-3-recap"


def png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A valid, tiny, single-colour PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


PNG_CID = png(2, 2, (200, 30, 30))
PNG_ABS = png(3, 2, (30, 200, 30))
PNG_REL = png(2, 3, (30, 30, 200))

LONG_WORD = "Supercalifragilisticexpialidociouslylongcompoundwordthatmustsurvivesoftbreaks"

ARTICLE_HTML = f"""<!DOCTYPE html><html lang="en"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<link rel="stylesheet" type="text/css" href="cid:css-0001@mhtml.blink" />
<title>‘Lantern Street’ Episode 3 Recap: The Clockmaker’s Bargain | Reelside</title>
<meta property="og:site_name" content="Reelside">
</head>
<body>
<header class="site-header"><nav><a href="/">Home</a> <a href="/tv">TV</a> <a href="/film">Film</a></nav></header>
<main><article>
<h1>‘Lantern Street’ Episode 3 Recap: The Clockmaker’s Bargain</h1>
<p class="byline">By Wren Aldous</p>
<p>Odile Marsh (Bea Harrow) finally opens the clockmaker’s shop on Lantern Street, and the episode’s first ten minutes are the quietest the show has ever been. The bell over the door rings twice before anyone speaks.</p>
<figure><img src="cid:still-1@reelside.test" alt="A shop window at night"><figcaption>Bea Harrow in ‘Lantern Street’.</figcaption></figure>
<p>Her brother Tobias (Kit Varela) keeps the ledger that nobody is allowed to read, and he writes in it with the same pencil stub he has carried since the pilot. It is a small thing, but the camera lingers on it for a reason, and {LONG_WORD} is the word he underlines.</p>
<p><img src="https://img.reelside.test/2025/04/ledger.png" alt="The ledger"></p>
<p>The bargain itself arrives late: a customer who wants a clock that runs backward, and who pays in coins nobody in town has seen before. Odile says yes before Tobias can stop her.</p>
<p><img src="images/coins.png" alt="Coins on a counter"> <img src="https://img.reelside.test/2025/04/not-saved.jpg" alt="Missing"></p>
<p>Lantern Street streams on Fenlight every Friday; episode 4 arrives next week.</p>
</article></main>
<iframe src="cid:frame-0002@mhtml.blink"></iframe>
<footer><p>© 2025 Reelside Media. All rights reserved.</p></footer>
</body></html>
"""

FRAME_HTML = """<!DOCTYPE html><html><head><title>Ad frame</title></head>
<body><p>Advertisement: try Fenlight free for thirty days.</p></body></html>
"""

CSS = "body { font-family: Georgia, serif; }\n.site-header { display: flex; }\n"


def qp(text: str) -> str:
    """Quoted-printable as Chrome writes it: =XX escapes, soft line breaks at 76 columns."""
    return quopri.encodestring(text.encode("utf-8")).decode("ascii").replace("\n", "\r\n")


def b64(data: bytes) -> str:
    return base64.encodebytes(data).decode("ascii").replace("\n", "\r\n")


def part(headers: list[str], body: str) -> str:
    return "--" + BOUNDARY + "\r\n" + "".join(h + "\r\n" for h in headers) + "\r\n" + body + "\r\n"


def snapshot(html: str = ARTICLE_HTML, *, subject_words: list[str] | None = None,
             main_headers: list[str] | None = None, boundary_param: bool = True) -> str:
    words = subject_words or [
        "=?utf-8?Q?=E2=80=98Lantern=20Street=E2=80=99=20Episode=203=20Recap=3A?=",
        " =?utf-8?Q?=20The=20Clockmaker=E2=80=99s=20Bargain=20=7C=20Reelside?=",
    ]
    boundary = f';\r\n\tboundary="{BOUNDARY}"' if boundary_param else ""
    head = (
        "From: <Saved by Blink>\r\n"
        f"Snapshot-Content-Location: {PAGE_URL}\r\n"
        f"Subject: {words[0]}\r\n" + "".join(w + "\r\n" for w in words[1:])
        + "Date: Fri, 18 Apr 2025 21:04:11 -0000\r\n"
        "MIME-Version: 1.0\r\n"
        f'Content-Type: multipart/related;\r\n\ttype="text/html"{boundary}\r\n\r\n\r\n'
    )
    parts = [
        part(main_headers or [
            "Content-Type: text/html",
            "Content-ID: <frame-0001@mhtml.blink>",
            "Content-Transfer-Encoding: quoted-printable",
            f"Content-Location: {PAGE_URL}",
        ], qp(html)),
        part(["Content-Type: text/css", "Content-Transfer-Encoding: quoted-printable",
              "Content-Location: cid:css-0001@mhtml.blink"], qp(CSS)),
        part(["Content-Type: image/png", "Content-Transfer-Encoding: base64",
              "Content-ID: <still-1@reelside.test>"], b64(PNG_CID)),
        part(["Content-Type: image/png", "Content-Transfer-Encoding: base64",
              "Content-Location: https://img.reelside.test/2025/04/ledger.png"], b64(PNG_ABS)),
        part(["Content-Type: image/png", "Content-Transfer-Encoding: base64",
              "Content-Location: https://www.reelside.test/tv/images/coins.png"], b64(PNG_REL)),
        part(["Content-Type: text/html", "Content-ID: <frame-0002@mhtml.blink>",
              "Content-Transfer-Encoding: quoted-printable",
              "Content-Location: cid:frame-0002@mhtml.blink"], qp(FRAME_HTML)),
    ]
    return head + "".join(parts) + "--" + BOUNDARY + "--\r\n"


IE_HTML = (
    "<html><head><title>Harbour Bells, episode 2</title></head><body>"
    "<h1>Harbour Bells, episode 2</h1>"
    "<p>The lighthouse keeper\x92s daughter rows out alone, and the \x93storm\x94 never comes.</p>"
    "<p>Marguerite\x92s crêpes are the episode\x92s real star.</p></body></html>"
)

UNTITLED_HTML = """<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
<p>A short note with no headline at all, only this paragraph about the pier at dusk.</p>
<p>And a second paragraph, so there is something to read.</p>
</body></html>
"""


def main() -> None:
    snap = snapshot().encode("ascii")
    (HERE / "snapshot.mhtml").write_bytes(snap)

    # Cut three quarters of the way into the HTML part: the first paragraphs survive, the end
    # of the article and every later part are lost.
    html_begin = snap.index(b"<!DOCTYPE")
    html_end = snap.index(b"--" + BOUNDARY.encode(), html_begin)
    (HERE / "truncated.mhtml").write_bytes(snap[: html_begin + (html_end - html_begin) * 3 // 4])
    image_start = snap.index(b"Content-ID: <still-1@reelside.test>")
    (HERE / "truncated-image.mhtml").write_bytes(snap[: image_start + 120])

    ie = (
        "From: <Saved by Windows Internet Explorer 8>\r\n"
        "Subject: Harbour Bells, episode 2\r\n"
        "Date: Mon, 3 Mar 2025 10:00:00 +0100\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="----=_NextPart_000_0000_01DB0001.2A3B4C50"\r\n'
        "X-MimeOLE: Produced By Microsoft MimeOLE\r\n\r\n"
        "This is a multi-part message in MIME format.\r\n\r\n"
        "------=_NextPart_000_0000_01DB0001.2A3B4C50\r\n"
        'Content-Type: text/html;\r\n\tcharset="iso-8859-1"\r\n'
        "Content-Transfer-Encoding: quoted-printable\r\n"
        "Content-Location: http://www.harbourbells.test/ep2.html\r\n\r\n"
        + quopri.encodestring(IE_HTML.encode("latin-1")).decode("ascii").replace("\n", "\r\n")
        + "\r\n------=_NextPart_000_0000_01DB0001.2A3B4C50--\r\n"
    )
    (HERE / "ie-latin1.mht").write_bytes(ie.encode("ascii"))

    untitled = snapshot(UNTITLED_HTML, subject_words=[
        "=?utf-8?Q?Pier=20at=20dusk=20=E2=80=94=20a=20note=20=7C=20Reelside?="])
    (HERE / "untitled.mhtml").write_bytes(untitled.encode("ascii"))

    no_html = (
        "From: <Saved by Blink>\r\nMIME-Version: 1.0\r\n"
        f'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="{BOUNDARY}"\r\n\r\n'
        + part(["Content-Type: image/png", "Content-Transfer-Encoding: base64",
                "Content-Location: https://img.reelside.test/a.png"], b64(PNG_ABS))
        + "--" + BOUNDARY + "--\r\n"
    )
    (HERE / "no-html.mhtml").write_bytes(no_html.encode("ascii"))

    (HERE / "no-boundary-param.mhtml").write_bytes(
        snapshot(boundary_param=False).encode("ascii"))

    (HERE / "plain-email.eml").write_bytes(
        b"From: Wren Aldous <wren@reelside.test>\r\n"
        b"To: desk@reelside.test\r\n"
        b"Subject: Lantern Street notes\r\n"
        b"Date: Fri, 18 Apr 2025 09:00:00 +0000\r\n"
        b"Message-ID: <notes-1@reelside.test>\r\n"
        b"MIME-Version: 1.0\r\n"
        b"Content-Type: text/plain; charset=utf-8\r\n\r\n"
        b"Filing the episode 3 recap tonight.\r\n"
    )
    (HERE / "newsletter.eml").write_bytes(
        b"From: Reelside <news@reelside.test>\r\n"
        b"To: reader@example.test\r\n"
        b"Subject: This week on Reelside\r\n"
        b"Date: Fri, 18 Apr 2025 09:00:00 +0000\r\n"
        b"MIME-Version: 1.0\r\n"
        b'Content-Type: multipart/alternative; boundary="alt-1"\r\n\r\n'
        b"--alt-1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nThis week: Lantern Street.\r\n"
        b"--alt-1\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>This week: Lantern Street.</p>\r\n"
        b"--alt-1--\r\n"
    )


if __name__ == "__main__":
    main()
