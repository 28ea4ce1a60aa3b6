"""Which spoilers the reader has revealed, and therefore which words may be shown anywhere.

One object answers "may this text be shown?" for every surface (article view, find, copy,
sidebar, window title), so no surface can disagree with another and leak a hidden word.
Pure Python: the UI holds one per open article and asks it before showing anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.article import Analysis, Character, HiddenSpan, KeyMoment, Mention


@dataclass
class RevealState:
    """Hidden blocks and spans of one article, minus what the reader has revealed."""

    analysis: Analysis
    revealed_blocks: set[int] = field(default_factory=set)
    revealed_spans: set[tuple[int, int]] = field(default_factory=set)  # (block, span index)
    title_revealed: bool = False
    # The article's block texts, so labels can be limited to words the reader can see.
    texts: list[str] = field(default_factory=list)

    # --- questions -------------------------------------------------------------------------

    def block_hidden(self, block_id: int) -> bool:
        """The whole block is behind the shield."""
        verdicts = self.analysis.verdicts
        return 0 <= block_id < len(verdicts) and verdicts[block_id].spoiler and block_id not in self.revealed_blocks

    def hidden_spans(self, block_id: int) -> list[tuple[int, HiddenSpan]]:
        """Inline spoilers still hidden inside a readable block, with their index."""
        verdicts = self.analysis.verdicts
        if not 0 <= block_id < len(verdicts) or self.block_hidden(block_id) or block_id in self.revealed_blocks:
            return []
        return [(i, s) for i, s in enumerate(verdicts[block_id].spans) if (block_id, i) not in self.revealed_spans]

    def text_visible(self, block_id: int, start: int, end: int) -> bool:
        """Whether ``Block.text[start:end]`` of ``block_id`` may be shown."""
        if self.block_hidden(block_id):
            return False
        return not any(s.start < end and start < s.end for _, s in self.hidden_spans(block_id))

    def hidden_block_ids(self) -> list[int]:
        return [i for i in range(len(self.analysis.verdicts)) if self.block_hidden(i)]

    def anything_hidden(self) -> bool:
        return self.title_hidden() or any(
            self.block_hidden(i) or self.hidden_spans(i) for i in range(len(self.analysis.verdicts))
        )

    def title_hidden(self) -> bool:
        return self.analysis.title_spoiler and not self.title_revealed

    def display_title(self, title: str) -> str:
        """The headline, or the safe title while the headline would spoil."""
        return self.analysis.safe_title if self.title_hidden() else title

    def visible_mentions(self, character: Character) -> list[Mention]:
        """Mentions in text the reader can see: counts and steps never reveal hidden text."""
        return [m for m in character.mentions if self.text_visible(m.block, m.start, m.end)]

    def character_label(self, character: Character) -> tuple[str, str | None]:
        """The name and actor the sidebar may show: only forms that stand in visible text.

        A character introduced in a hidden paragraph ("Mia Ortega vanishes ...") and later
        called "Mia" in readable text is listed as "Mia" until the paragraph is revealed; an
        actor named only in hidden text is left out.
        """
        if not self.texts:
            return character.name, character.actor
        forms = [self.texts[m.block][m.start:m.end] for m in self.visible_mentions(character)
                 if 0 <= m.block < len(self.texts)]
        folded = {f.casefold() for f in forms}
        if character.name.casefold() in folded or self._visible_somewhere(character.name):
            name = character.name
        else:
            name = max((_without_possessive(f) for f in forms), key=len, default=character.name)
        actor = character.actor if character.actor and self._visible_somewhere(character.actor) else None
        return name, actor

    def _visible_somewhere(self, words: str) -> bool:
        for block_id, text in enumerate(self.texts):
            start = text.find(words)
            while start >= 0:
                if self.text_visible(block_id, start, start + len(words)):
                    return True
                start = text.find(words, start + 1)
        return False

    def character_visible(self, character: Character) -> bool:
        """A character named only in hidden text stays out of the sidebar until revealed."""
        return not character.spoiler or bool(self.visible_mentions(character))

    def moment_hidden(self, moment: KeyMoment) -> bool:
        """A key moment whose words lie in hidden text stays blurred until its block is revealed
        (clicking the moment reveals it); one tied to no block waits for "Reveal all"."""
        if not moment.spoiler:
            return False
        if moment.block is None:
            return self.anything_hidden()
        return moment.block not in self.revealed_blocks

    # --- changes ---------------------------------------------------------------------------

    def reveal_block(self, block_id: int) -> None:
        """Reveal a block with every inline spoiler in it."""
        self.revealed_blocks.add(block_id)
        verdicts = self.analysis.verdicts
        if 0 <= block_id < len(verdicts):
            self.revealed_spans.update((block_id, i) for i in range(len(verdicts[block_id].spans)))

    def reveal_span(self, block_id: int, index: int) -> None:
        self.revealed_spans.add((block_id, index))

    def reveal_all(self) -> None:
        for i in range(len(self.analysis.verdicts)):
            self.reveal_block(i)
        self.title_revealed = True

    def hide_all(self) -> None:
        """"Hide spoilers again": back to the state the article opened in."""
        self.revealed_blocks.clear()
        self.revealed_spans.clear()
        self.title_revealed = False


def _without_possessive(form: str) -> str:
    for suffix in ("’s", "'s", "’", "'"):
        if form.endswith(suffix):
            return form[: -len(suffix)]
    return form
