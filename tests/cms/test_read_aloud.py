"""Read-aloud: made on publish in the background, found by text hash, recordings win."""

import io
import wave

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import TestCase
from wagtail.blocks import StreamValue
from wagtail.documents import get_document_model

from cms import read_aloud
from cms.checks import read_aloud_tools
from cms.languages import fragments_for
from cms.models import ModulePage, SpeechClip
from cms.read_aloud import ReadAloudUnavailable, Utterance, synthesize
from tests.cms.conftest import build_materials

URL = "/{lang}/materialien/heizen-lueften/"


@pytest.mark.parametrize("language", ["de", "ro", "bg", "en", "ar", "tr", "uk"])
def test_every_site_language_has_a_voice(language):
    mp3, duration_ms = synthesize(Utterance(((language, "Eins zwei drei"),)))
    assert mp3[:3] == b"ID3" or mp3[0] == 0xFF  # an MP3 stream
    assert 400 < duration_ms < 5000


def test_parts_in_two_languages_are_spoken_one_after_the_other():
    _mp3, one = synthesize(Utterance((("de", "die Heizung"),)))
    _mp3, two = synthesize(Utterance((("de", "die Heizung"), ("ar", "التدفئة"))))
    assert two > one + 300  # the Arabic meaning and the pause follow the German word


@pytest.fixture
def publishing(settings):
    settings.READ_ALOUD_ON_PUBLISH = True


def _publish(page):
    with TestCase.captureOnCommitCallbacks(execute=True):
        page.save_revision().publish()


def test_publishing_makes_every_clip_once_and_the_page_plays_them(client, db, publishing):
    pages = build_materials(languages=("ro",))
    made = SpeechClip.objects.count()
    # Title + intro, three texts, three key terms, the list and the quiz; de and ro.
    assert made >= 2 * 9
    html = client.get(URL.format(lang="ro")).content.decode()
    assert html.count('src="/read-aloud/') >= 9
    # Publishing again speaks nothing new: clips are found by the hash of their text.
    _publish(ModulePage.objects.get(pk=pages["heizen-lueften"].pk))
    assert SpeechClip.objects.count() == made
    # A page not translated yet plays the German clips under its own language.
    assert client.get(URL.format(lang="tr")).content.decode().count('src="/read-aloud/') >= 9
    assert SpeechClip.objects.count() == made


def test_the_page_never_waits_for_the_voice(client, materials, monkeypatch):
    def refuse(utterance):
        raise AssertionError("speech made while serving a page")

    monkeypatch.setattr(read_aloud, "synthesize", refuse)
    html = client.get(URL.format(lang="ro")).content.decode()
    assert "<h1>Încălzire și aerisire</h1>" in html
    assert "/read-aloud/" not in html  # not made yet: no player rather than a wait


def _recording(title="Aufnahme"):
    mp3, _ms = synthesize(Utterance((("de", "Aufnahme"),)))
    document = get_document_model()(title=title)
    document.file.save(f"{title}.mp3", ContentFile(mp3), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


def test_an_uploaded_recording_wins_in_its_own_language_only(client, db):
    recording = _recording()
    pages = build_materials(languages=("ro",), recording=recording)
    german = client.get(URL.format(lang="de")).content.decode()
    assert german.count(recording.url) >= 2  # the text block and the audio block
    # The Romanian text is not what the German recording says: the Romanian voice reads it.
    romanian = ModulePage.objects.get(locale__language_code="ro")
    items = read_aloud.speakables(romanian, fragments_for(romanian, "ro"))
    first_text = next(i for i in items if i.key == romanian.body[0].id)
    assert first_text.recording is None
    assert first_text.utterance.parts[0][0] == "ro"
    # A translator who chooses a Romanian recording gets it.
    own = _recording("Inregistrare")
    body = [(b.block_type, b.value) for b in romanian.body]
    body[0][1]["recording"] = own
    romanian.body = StreamValue(romanian.body.stream_block, body)
    romanian.save_revision().publish()
    romanian = ModulePage.objects.get(pk=romanian.pk)
    items = read_aloud.speakables(romanian, fragments_for(romanian, "ro"))
    assert next(i for i in items if i.key == romanian.body[0].id).recording == own
    assert pages["heizen-lueften"].pk != romanian.pk


def test_a_german_sentence_in_a_translation_is_read_by_the_german_voice(db):
    from cms.languages import Fragments

    page = build_materials(languages=("ro",))["heizen-lueften"]
    german_text = page.body[0].value["text"]
    fragments = Fragments(
        ui="ro", content="ro", untranslated=frozenset([read_aloud.plain_text(german_text)])
    )
    romanian = ModulePage.objects.get(locale__language_code="ro")
    body = [(b.block_type, b.value) for b in romanian.body]
    body[0][1]["text"] = german_text
    romanian.body = StreamValue(romanian.body.stream_block, body)
    items = read_aloud.speakables(romanian, fragments)
    assert next(i for i in items if i.key == romanian.body[0].id).utterance.parts[0][0] == "de"


def test_setup_fails_loudly_without_the_speech_tools(db, monkeypatch, settings):
    monkeypatch.setattr(read_aloud.shutil, "which", lambda tool: None)
    errors = read_aloud_tools(None)
    assert [e.id for e in errors] == ["cms.E001"]
    assert "bin/system-packages" in errors[0].hint
    settings.DEBUG = True
    with pytest.raises(ReadAloudUnavailable, match="espeak-ng"):
        call_command("demo")


def test_clip_answers_byte_ranges(client, db):
    clip = SpeechClip(text_hash="b" * 64, language="de", text="x", duration_ms=1)
    clip.file.save("range.mp3", ContentFile(bytes(range(256)) * 4), save=False)
    clip.save()
    url = f"/read-aloud/{'b' * 64}.mp3"
    whole = client.get(url)
    assert whole.status_code == 200 and whole["Accept-Ranges"] == "bytes"
    assert whole["Cache-Control"] == "public, max-age=31536000, immutable"
    piece = client.get(url, HTTP_RANGE="bytes=10-19")
    assert piece.status_code == 206
    assert piece["Content-Range"] == "bytes 10-19/1024"
    assert b"".join(piece.streaming_content) == bytes(range(10, 20))
    tail = client.get(url, HTTP_RANGE="bytes=-4")
    assert b"".join(tail.streaming_content) == bytes(range(252, 256))
    assert client.get(url, HTTP_RANGE="bytes=2000-").status_code == 416
    assert client.get(f"/read-aloud/{'c' * 64}.mp3").status_code == 404


def test_uploaded_audio_documents_answer_byte_ranges(client, db):
    """The issue: audio files ignored range requests, so phones could not seek."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setparams((1, 2, 8000, 0, "NONE", "not compressed"))
        out.writeframes(b"\x00\x00" * 8000)
    document = get_document_model()(title="Ton")
    document.file.save("ton.wav", ContentFile(buffer.getvalue()), save=False)
    document.save()
    response = client.get(document.url, HTTP_RANGE="bytes=0-99")
    assert response.status_code == 206
    assert response["Content-Range"].startswith("bytes 0-99/")
    assert len(b"".join(response.streaming_content)) == 100
