"""Read-aloud: every text block, key term, checklist and quiz of a page can be heard.

An editor's own recording wins. Otherwise a computer voice (espeak-ng, voices for all
site languages) speaks the text in its language, encoded as MP3, which every phone
plays. Clips are made in the background when a page is published (django-q2,
``cms.tasks.make_read_aloud``) and found by the hash of what they say, so a sentence
used on several pages is spoken once and a page never waits for a voice. A page shows
a player for each clip that exists; one still being made simply has none yet.
"""

import hashlib
import io
import shutil
import subprocess
import wave
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from cms.languages import SOURCE_LANGUAGE, Fragments, plain_text

# espeak-ng voice per site language.
VOICES = {"de": "de", "ro": "ro", "bg": "bg", "en": "en-gb", "ar": "ar", "tr": "tr", "uk": "uk"}
# Words per minute: slower than espeak-ng's 175, for people learning the language.
SPEED = 140
PAUSE_SECONDS = 0.4
BITRATE_KBPS = 32  # mono speech; constant bitrate so every browser knows the duration
TOOLS = ("espeak-ng", "lame")
VOICE_VERSION = "espeak-ng-1"  # part of the hash: a new voice or speed makes new clips


class ReadAloudUnavailable(ImproperlyConfigured):
    """The speech tools are not installed (bin/system-packages installs them)."""


def missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


@dataclass(frozen=True)
class Utterance:
    """What one clip says: texts with their languages, spoken one after the other."""

    parts: tuple[tuple[str, str], ...]

    @property
    def text_hash(self) -> str:
        spoken = "\n".join(f"{VOICES.get(lang, lang)}:{text}" for lang, text in self.parts)
        return hashlib.sha256(f"{VOICE_VERSION}|{SPEED}\n{spoken}".encode()).hexdigest()

    @property
    def text(self) -> str:
        return " ".join(text for _lang, text in self.parts)

    @property
    def language(self) -> str:
        return self.parts[-1][0]


@dataclass(frozen=True)
class Speakable:
    """One thing on a page that has a player: where it is, what it says, its own recording."""

    key: str
    utterance: Utterance
    recording: object = None  # a Wagtail document that wins over the computer voice


def _parts(fragments: Fragments, *texts) -> list[tuple[str, str]]:
    return [(fragments.language_of(text), plain_text(text)) for text in texts if plain_text(text)]


def _rich_text_parts(fragments: Fragments, rich_text) -> list[tuple[str, str]]:
    # Each paragraph in its own language: a translation may still have German ones.
    from cms.languages import _BLOCK_ELEMENT

    rendered = str(rich_text)
    paragraphs = [match.group(3) for match in _BLOCK_ELEMENT.finditer(rendered)] or [rendered]
    return _parts(fragments, *paragraphs)


class _SourceRecordings:
    """Recordings on the German page, by block id, read only when a translation needs them."""

    def __init__(self, page):
        self.page = page
        self._ids = None

    def same_as_source(self, key: str, document) -> bool:
        if self._ids is None:
            self._ids = {}
            source = self.page.get_translation_or_none(
                self.page.locale.__class__.objects.get(language_code=SOURCE_LANGUAGE)
            )
            if source is not None:
                for block in source.specific.body:
                    recording = _block_recording(block)
                    if recording is not None:
                        self._ids[block.id] = recording.pk
        return self._ids.get(key) == document.pk


def _block_recording(block):
    if block.block_type in ("text", "quiz") and isinstance(block.value, dict):
        return block.value.get("recording")
    return None


def speakables(page, fragments: Fragments) -> list[Speakable]:
    """Everything on ``page`` that readers can listen to, in reading order."""
    items = []
    intro_parts = _parts(fragments, page.title, getattr(page, "intro", ""))
    if intro_parts:
        items.append(Speakable("intro", Utterance(tuple(intro_parts))))
    body = getattr(page, "body", None) or []
    sources = _SourceRecordings(page)
    for block in body:
        value = block.value
        if block.block_type == "text":
            if not isinstance(value, dict):  # plain rich text (landlord pages): no recording
                value = {"text": value, "recording": None}
            parts = _rich_text_parts(fragments, value["text"])
            recording = _winning(value.get("recording"), block.id, parts, fragments, sources)
            if parts:
                items.append(Speakable(block.id, Utterance(tuple(parts)), recording))
        elif block.block_type == "key_terms":
            for term in value["terms"].bound_blocks:
                parts = [(SOURCE_LANGUAGE, plain_text(term.value["german"]))]
                parts += _parts(fragments, term.value["meaning"])
                # A recording of the German word is right in every language.
                items.append(
                    Speakable(f"{block.id}/{term.id}", Utterance(tuple(parts)), term.value["audio"])
                )
        elif block.block_type == "checklist":
            with translation.override(fragments.content):
                do, dont = gettext("Do"), gettext("Don't")
            parts = _parts(fragments, value["heading"])
            parts += [(fragments.content, do), *_parts(fragments, *value["do"])]
            parts += [(fragments.content, dont), *_parts(fragments, *value["dont"])]
            items.append(Speakable(block.id, Utterance(tuple(parts))))
        elif block.block_type == "quiz":
            texts = [value["question"], *(answer["text"] for answer in value["answers"])]
            parts = _parts(fragments, *texts)
            recording = _winning(value.get("recording"), block.id, parts, fragments, sources)
            items.append(Speakable(block.id, Utterance(tuple(parts)), recording))
    return items


def _winning(recording, key, parts, fragments: Fragments, sources: _SourceRecordings):
    """The editor's recording, if it speaks the language the text is in.

    A translation takes over the German page's recording until a translator chooses
    another one; that German recording is only right where the text is still German.
    """
    if recording is None or not parts:
        return None
    text_language = parts[0][0]
    if fragments.content == SOURCE_LANGUAGE or sources.same_as_source(key, recording):
        recording_language = SOURCE_LANGUAGE
    else:
        recording_language = fragments.content
    return recording if recording_language == text_language else None


def players(page, fragments: Fragments) -> dict[str, dict]:
    """For the template: key → {"url", "language"} of each clip or recording that exists.

    One query for all computer-voice clips of the page, however many there are.
    """
    from cms.models import SpeechClip

    items = speakables(page, fragments)
    hashes = {item.utterance.text_hash for item in items if item.recording is None}
    made = set(SpeechClip.objects.filter(text_hash__in=hashes).values_list("text_hash", flat=True))
    result = {}
    for item in items:
        if item.recording is not None:
            result[item.key] = {"url": item.recording.url, "recording": True}
        elif item.utterance.text_hash in made:
            url = reverse("cms_read_aloud", args=[item.utterance.text_hash])
            result[item.key] = {"url": url, "recording": False}
    return result


# --- Making clips (in the background job) -------------------------------------------------


def _run(command, stdin: bytes) -> bytes:
    try:
        return subprocess.run(  # noqa: S603 - fixed programs, text on stdin
            command, input=stdin, capture_output=True, check=True, timeout=120
        ).stdout
    except FileNotFoundError as error:
        raise ReadAloudUnavailable(
            f"{command[0]} is not installed: run bin/system-packages (installs espeak-ng and lame)."
        ) from error


def synthesize(utterance: Utterance) -> tuple[bytes, int]:
    """MP3 bytes and duration in milliseconds of ``utterance`` spoken by espeak-ng."""
    frames, params = [], None
    for language, text in utterance.parts:
        voice = VOICES.get(language, language)
        wav = _run(["espeak-ng", "-v", voice, "-s", str(SPEED), "--stdout"], text.encode())
        with wave.open(io.BytesIO(wav)) as part:
            if params is None:
                params = part.getparams()
            elif frames:
                silence = int(params.framerate * PAUSE_SECONDS) * params.sampwidth
                frames.append(b"\x00" * silence * params.nchannels)
            frames.append(part.readframes(part.getnframes()))
    audio = b"".join(frames)
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setparams(params)
        out.writeframes(audio)
    duration_ms = round(
        1000 * len(audio) / (params.framerate * params.sampwidth * params.nchannels)
    )
    mp3 = _run(
        ["lame", "--quiet", "-m", "m", "--cbr", "-b", str(BITRATE_KBPS), "-", "-"],
        buffer.getvalue(),
    )
    return mp3, duration_ms


def ensure_clip(utterance: Utterance) -> bool:
    """Make the clip for ``utterance`` unless it exists. Returns whether one was made.

    Idempotent: the unique hash makes a second worker's clip for the same text a no-op.
    """
    from cms.models import SpeechClip

    text_hash = utterance.text_hash
    if SpeechClip.objects.filter(text_hash=text_hash).exists():
        return False
    mp3, duration_ms = synthesize(utterance)
    clip = SpeechClip(
        text_hash=text_hash,
        language=utterance.language,
        text=utterance.text,
        duration_ms=duration_ms,
    )
    clip.file.save(f"{text_hash}.mp3", ContentFile(mp3), save=False)
    try:
        with transaction.atomic():
            clip.save()
    except IntegrityError:
        clip.file.delete(save=False)  # another worker was faster
        return False
    return True


def make_for_page(page) -> int:
    """Make the missing computer-voice clips of one page. Returns how many were made."""
    from cms.languages import fragments_for

    fragments = fragments_for(page, page.content_language())
    made = 0
    for item in speakables(page, fragments):
        if item.recording is None and ensure_clip(item.utterance):
            made += 1
    return made
