"""StreamField blocks for course materials read by people who read German poorly.

Every block keeps its text short and pairs it with a picture or sound where it can.
Media is self-hosted (Wagtail images and documents); there is no block that embeds
a third-party player, because that would send readers' addresses to another company.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from cms.media import AUDIO_EXTENSIONS, VIDEO_EXTENSIONS

# Easy-language text needs little formatting; fewer features means less to go wrong.
EASY_FEATURES = ["bold", "ol", "ul", "link"]


class GermanWordBlock(blocks.CharBlock):
    """A German word that stays German in every language version.

    Learners must recognise the German word on a letter or a sign, so wagtail-localize
    must not offer it for translation: it is copied from the German page unchanged.
    """

    def get_translatable_segments(self, value):
        return []


class MediaDocumentBlock(DocumentChooserBlock):
    """A document chooser that accepts only one kind of media file (checked on save)."""

    def __init__(self, extensions, kind_label, **kwargs):
        self.extensions = tuple(extensions)
        self.kind_label = kind_label
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if value is not None and value.file_extension.lower() not in self.extensions:
            raise ValidationError(
                _("Please choose a %(kind)s file (%(types)s).")
                % {"kind": self.kind_label, "types": ", ".join(self.extensions)}
            )
        return value


def audio_chooser(**kwargs):
    return MediaDocumentBlock(AUDIO_EXTENSIONS, _("audio"), **kwargs)


def video_chooser(**kwargs):
    return MediaDocumentBlock(VIDEO_EXTENSIONS, _("video"), **kwargs)


class EasyTextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", EASY_FEATURES)
        kwargs.setdefault(
            "help_text",
            _("Short sentences, one idea per sentence, everyday words."),
        )
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Easy-language text")
        template = "cms/blocks/easy_text_block.html"


def recording_chooser(**kwargs):
    kwargs.setdefault("label", _("own recording"))
    kwargs.setdefault(
        "help_text",
        _(
            "Optional. Without a recording, the text is read aloud by a computer voice "
            "in the page's language."
        ),
    )
    return audio_chooser(required=False, **kwargs)


class ReadAloudTextBlock(blocks.StructBlock):
    """Easy-language text that readers can also listen to.

    An editor's own recording wins; otherwise a computer voice reads the text in the
    page's language (cms/read_aloud.py), made in the background when the page is published.
    """

    text = EasyTextBlock(label=_("text"))
    recording = recording_chooser()

    class Meta:
        icon = "pilcrow"
        label = _("Easy-language text")
        template = "cms/blocks/read_aloud_text_block.html"


class AltTextImageBlock(blocks.StructBlock):
    """A picture with alternative text that cannot be left out."""

    image = ImageChooserBlock(label=_("image"))
    alt = blocks.CharBlock(
        label=_("alternative text"),
        max_length=200,
        help_text=_("What the picture shows, for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=200)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "cms/blocks/image_block.html"


class AudioBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=120)
    audio = audio_chooser(label=_("audio file"))
    transcript = blocks.TextBlock(
        label=_("transcript"),
        required=False,
        help_text=_("The spoken text, for people who cannot hear it."),
    )

    class Meta:
        icon = "media"
        label = _("Audio")
        template = "cms/blocks/audio_block.html"


class VideoBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=120)
    video = video_chooser(label=_("video file"))
    poster = ImageChooserBlock(label=_("poster image"), required=False)
    transcript = blocks.TextBlock(label=_("transcript"), required=False)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "cms/blocks/video_block.html"


class KeyTermBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("picture"), required=False)
    german = GermanWordBlock(
        label=_("German word"),
        max_length=80,
        help_text=_("Stays German in every language version."),
    )
    meaning = blocks.CharBlock(
        label=_("meaning"),
        max_length=200,
        help_text=_("On the German page: a short explanation; translators write the word here."),
    )
    audio = audio_chooser(
        label=_("pronunciation"),
        required=False,
        help_text=_(
            "Optional recording of the German word. Without it, a computer voice says "
            "the word and its meaning."
        ),
    )

    class Meta:
        icon = "tag"
        label = _("Key term")


class KeyTermsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), max_length=120)
    terms = blocks.ListBlock(KeyTermBlock(), label=_("terms"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Key terms")
        template = "cms/blocks/key_terms_block.html"


class ChecklistBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), max_length=120)
    do = blocks.ListBlock(blocks.CharBlock(max_length=200), label=_("Do"), min_num=1)
    dont = blocks.ListBlock(blocks.CharBlock(max_length=200), label=_("Don't"), min_num=1)

    class Meta:
        icon = "tasks"
        label = _("Do and don't")
        template = "cms/blocks/checklist_block.html"


class QuizAnswerBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("picture"), required=False)
    text = blocks.CharBlock(label=_("answer"), max_length=120)
    correct = blocks.BooleanBlock(label=_("correct"), required=False)
    feedback = blocks.CharBlock(
        label=_("feedback"), max_length=200, required=False, help_text=_("Why, in one sentence.")
    )

    class Meta:
        icon = "radio-full"
        label = _("Answer")


class QuizBlock(blocks.StructBlock):
    """A self-check question. Feedback is shown at once in the page; nothing is stored."""

    question = blocks.CharBlock(label=_("question"), max_length=200)
    answers = blocks.ListBlock(QuizAnswerBlock(), label=_("answers"), min_num=2, max_num=4)
    recording = recording_chooser(
        help_text=_(
            "Optional: the question and its answers, spoken. Without it, a computer voice "
            "reads them in the page's language."
        )
    )

    def clean(self, value):
        value = super().clean(value)
        if not any(answer["correct"] for answer in value["answers"]):
            raise blocks.StructBlockValidationError(
                block_errors={"answers": ValidationError(_("Mark at least one answer as correct."))}
            )
        return value

    class Meta:
        icon = "help"
        label = _("Self-check quiz")
        template = "cms/blocks/quiz_block.html"


class HandoutBlock(blocks.StructBlock):
    """A handout to print: this page's own PDF in its language, or an uploaded PDF."""

    title = blocks.CharBlock(label=_("title"), max_length=120)
    document = DocumentChooserBlock(
        label=_("PDF handout"),
        required=False,
        help_text=_(
            "Leave empty to offer this page as a handout in the reader's language, with "
            "its pictures and the answers to the quiz. An uploaded PDF is the same in "
            "every language."
        ),
    )

    def clean(self, value):
        value = super().clean(value)
        if value["document"] and value["document"].file_extension.lower() != "pdf":
            raise blocks.StructBlockValidationError(
                block_errors={"document": ValidationError(_("Please choose a PDF file."))}
            )
        return value

    class Meta:
        icon = "doc-full"
        label = _("Handout to download")
        template = "cms/blocks/handout_block.html"


class UploadedHandoutBlock(HandoutBlock):
    """On pages without a PDF of their own (landlord information): an uploaded PDF."""

    document = DocumentChooserBlock(label=_("PDF handout"))

    class Meta:
        icon = "doc-full"
        label = _("Handout to download")
        template = "cms/blocks/handout_block.html"


class MaterialStreamBlock(blocks.StreamBlock):
    text = ReadAloudTextBlock()
    image = AltTextImageBlock()
    audio = AudioBlock()
    video = VideoBlock()
    key_terms = KeyTermsBlock()
    checklist = ChecklistBlock()
    quiz = QuizBlock()
    handout = HandoutBlock()


class LandlordStreamBlock(blocks.StreamBlock):
    text = EasyTextBlock(features=["h2", "h3", "bold", "italic", "ol", "ul", "link"])
    image = AltTextImageBlock()
    checklist = ChecklistBlock()
    handout = UploadedHandoutBlock()
