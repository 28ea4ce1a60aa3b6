"""The analysis: which blocks would spoil the episode, who is who, the key moments, and which
episode the article is about. Pure Python, deterministic, no Qt and no downloaded models.

``analyze(article, progress)`` runs the stages in dependency order:

1. ``episode.read_episode``: show / season / episode from title, metadata and text
2. ``characters.find_characters``: characters, actors, aliases and mentions
3. ``spoilers.judge_blocks``: a verdict per block (markup, warnings, headings, narration)
4. ``progress``: lift verdicts for episodes the reader has watched
5. ``characters.mark_spoiler_characters`` and ``moments.find_key_moments``, which need the
   verdicts, and ``titles.judge_title`` for a headline that spoils
"""
