"""Generate the encoding fixtures: original sentences saved in legacy encodings.

Run from anywhere: ``python tests/data/encoding/make_fixtures.py``. The bytes files are committed;
this script documents how they were made. ``expected.json`` maps each file to the sentence its
decoded text must contain, so the tests never need to repeat the sentences.
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent

KOREAN = (
    "지난밤 방송에서 제빵사 하윤은 가게 열쇠를 잃어버렸다. "
    "골목의 고양이가 그 열쇠를 물고 와서 모두가 웃었다. "
    "다음 주에는 새로운 손님이 빵집을 찾아온다고 한다."
)
JAPANESE = (
    "第六話で、花屋の店主ミサキは古い手紙を見つけた。"
    "差出人の名前は雨でにじんでいて読めなかった。"
    "来週はいよいよ港町の祭りが始まる。"
)
WESTERN = (
    "Café owner Renée’s “quiet” farewell was the episode’s best scene — naïve, warm and a "
    "little déjà vu… The crème brûlée cameo? Perfect."
)


def page(title: str, body: str, head_extra: str = "") -> str:
    return (
        "<!DOCTYPE html>\n<html>\n<head>\n"
        f"{head_extra}<title>{title}</title>\n"
        "</head>\n<body>\n<nav><a href=\"/\">Home</a> <a href=\"/tv\">TV</a></nav>\n"
        f"<article>\n<h1>{title}</h1>\n<p>{body}</p>\n</article>\n</body>\n</html>\n"
    )


def main() -> None:
    expected: dict[str, str] = {}

    def write(name: str, text: str, encoding: str, sentence: str) -> None:
        (HERE / name).write_bytes(text.encode(encoding))
        expected[name] = sentence

    # Korean: EUC-KR, declared and undeclared.
    write("ko-euckr-meta.html",
          page("빵집 3화", KOREAN, '<meta charset="euc-kr">\n'), "euc-kr", KOREAN)
    write("ko-euckr-nodecl.html", page("빵집 3화", KOREAN), "euc-kr", KOREAN)
    write("ko-euckr.txt", "빵집 3화 리뷰\n\n" + KOREAN + "\n", "euc-kr", KOREAN)

    # Japanese: Shift_JIS, declared through http-equiv and undeclared.
    write("ja-sjis-meta.html",
          page("花屋 第六話", JAPANESE,
               '<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">\n'),
          "shift_jis", JAPANESE)
    write("ja-sjis-nodecl.html", page("花屋 第六話", JAPANESE), "shift_jis", JAPANESE)
    write("ja-sjis.txt", "花屋 第六話の感想\n\n" + JAPANESE + "\n", "shift_jis", JAPANESE)

    # Windows-1252: declared as ISO-8859-1 (curly quotes only exist in 1252), and undeclared.
    write("w1252-meta-latin1.html",
          page("Episode 3 review", WESTERN, '<meta charset="ISO-8859-1">\n'), "cp1252", WESTERN)
    write("w1252-nodecl.html", page("Episode 3 review", WESTERN), "cp1252", WESTERN)
    write("w1252.txt", "Episode 3 review\n\n" + WESTERN + "\n", "cp1252", WESTERN)

    # Declarations that lie: a stale ISO-8859-1 meta over UTF-8, and a UTF-8 meta over 1252.
    write("utf8-declared-latin1.html",
          page("Episode 3 review", WESTERN, '<meta charset="iso-8859-1">\n'), "utf-8", WESTERN)
    write("w1252-declared-utf8.html",
          page("Episode 3 review", WESTERN, '<meta charset="utf-8">\n'), "cp1252", WESTERN)

    (HERE / "expected.json").write_text(
        json.dumps(expected, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
