"""The bundled sample article and the resource lookup that finds it in every kind of install."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from reader import bundled
from reader.loaders import load

REPO_RESOURCES = Path(__file__).resolve().parents[2] / "resources"


@pytest.fixture(scope="module")
def sample_path() -> Path:
    return bundled.sample_article_path()


def test_sample_exists_in_the_checkout(sample_path: Path) -> None:
    assert sample_path.is_file()
    assert sample_path.name == bundled.SAMPLE_NAME
    assert sample_path.parent.name == "sample"


def test_sample_loads_with_the_seed_shape(sample_path: Path) -> None:
    article = load(sample_path)
    assert article.format == "text"
    assert article.title.startswith("‘The Orchard Street Exchange’ episode one recap:")
    kinds = [b.kind for b in article.blocks]

    warning = article.blocks[0]
    assert warning.kind == "paragraph" and warning.text.startswith("Spoilers for")
    assert [r.style for r in warning.runs] == ["bold"]

    assert [b.text for b in article.blocks if b.kind == "heading"] == ["Key Moments"]
    heading = kinds.index("heading")
    assert kinds[heading + 1 : heading + 4] == ["list_item"] * 3
    assert kinds.count("list_item") == 3
    assert all(not b.text.startswith("•") for b in article.blocks)

    captions = [b for b in article.blocks if b.kind == "caption"]
    assert len(captions) == 1 and captions[0].text.endswith("Credit: Larkspur+")
    assert "episode 1 recap larkspur period drama" not in article.body_text  # alt-text line

    for trailer in ("More Stories", "Sponsored Stories", "Forgotten Kitchen Gadget",
                    "Ten period dramas"):
        assert trailer not in article.body_text
    assert article.blocks[-1].text == "‘The Orchard Street Exchange’ is available on Larkspur+"


def test_sample_introduces_characters_with_their_actors(sample_path: Path) -> None:
    body = load(sample_path).body_text
    pairs = re.findall(r"([A-Z][a-z]+ [A-Z][a-z]+) \(([A-Z][a-z]+ [A-Z][\w-]+)\)", body)
    assert len(pairs) >= 3
    assert 700 <= len(body.split()) <= 1100


def test_sample_is_original_not_the_shared_corpus(sample_path: Path, shared_dir: Path) -> None:
    """Our sample shares no show, character or actor with the publisher texts we test against."""
    text = sample_path.read_text("utf-8").casefold()
    names: set[str] = set()
    for labels_path in shared_dir.rglob("*.labels.json"):
        labels = json.loads(labels_path.read_text("utf-8"))
        names.add(labels["show"])
        for character in labels.get("characters", []):
            names.add(character["name"])
            if character.get("actor"):
                names.add(character["actor"])
    assert names
    assert [n for n in names if n.casefold() in text] == []


def test_resource_path_prefers_the_packaged_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    packaged = tmp_path / "reader" / "_resources"
    (packaged / "sample").mkdir(parents=True)
    (packaged / "sample" / bundled.SAMPLE_NAME).write_text("Packaged\n", "utf-8")
    monkeypatch.setattr(bundled, "_packaged_path", lambda *parts: packaged.joinpath(*parts))
    assert bundled.sample_article_path() == packaged / "sample" / bundled.SAMPLE_NAME


def test_resource_path_falls_back_to_the_checkout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The tests may run against an installed wheel, whose module has no checkout beside it:
    # stand one up in tmp_path so the fallback is exercised either way.
    missing = tmp_path / "site" / "reader" / "_resources"
    checkout = tmp_path / "checkout" / "resources"
    (checkout / "sample").mkdir(parents=True)
    (checkout / "sample" / bundled.SAMPLE_NAME).write_text("Checkout\n", "utf-8")
    monkeypatch.setattr(bundled, "_packaged_path", lambda *parts: missing.joinpath(*parts))
    monkeypatch.setattr(bundled, "_SOURCE_ROOT", checkout)
    assert bundled.sample_article_path() == checkout / "sample" / bundled.SAMPLE_NAME
    assert bundled.resource_path("sample") == checkout / "sample"


def test_resource_path_for_a_missing_file_still_names_a_place() -> None:
    path = bundled.resource_path("icons", "no-such-icon.svg")
    assert path.name == "no-such-icon.svg" and not path.exists()


def test_the_packaged_lookup_uses_importlib_resources() -> None:
    from importlib.resources import files

    expected = files("reader").joinpath("_resources", "sample")
    assert bundled._packaged_path("sample") == expected


def test_packaging_path_finds_the_desktop_files() -> None:
    from reader.appinfo import APP_ID

    for name in (f"{APP_ID}.desktop", f"{APP_ID}.metainfo.xml"):
        path = bundled.packaging_path("linux", name)
        assert path.is_file(), path
        assert path.parent.name == "linux"


def test_packaging_path_prefers_the_packaged_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    packaged = tmp_path / "reader" / "_packaging"
    (packaged / "linux").mkdir(parents=True)
    (packaged / "linux" / "app.desktop").write_text("[Desktop Entry]\n", "utf-8")
    checkout = tmp_path / "checkout" / "packaging"
    (checkout / "linux").mkdir(parents=True)
    (checkout / "linux" / "app.desktop").write_text("[Desktop Entry]\n", "utf-8")
    folders: list[str] = []

    def packaged_path(*parts: str, folder: str = "_resources") -> Path:
        folders.append(folder)
        return tmp_path / "reader" / folder / Path(*parts)

    monkeypatch.setattr(bundled, "_packaged_path", packaged_path)
    monkeypatch.setattr(bundled, "_SOURCE_PACKAGING", checkout)
    assert bundled.packaging_path("linux", "app.desktop") == packaged / "linux" / "app.desktop"
    assert folders == ["_packaging"]
    # A file only the checkout has is found there; one neither has still names a place.
    (checkout / "linux" / "only-here.xml").write_text("<x/>", "utf-8")
    assert bundled.packaging_path("linux", "only-here.xml") == checkout / "linux" / "only-here.xml"
    assert bundled.packaging_path("linux", "nowhere.xml").name == "nowhere.xml"


def test_the_packaged_packaging_lookup_uses_importlib_resources() -> None:
    from importlib.resources import files

    expected = files("reader").joinpath("_packaging", "linux")
    assert bundled._packaged_path("linux", folder="_packaging") == expected
