"""Forms the Wagtail admin uses for our uploads."""

from wagtail.documents.forms import BaseDocumentForm

from cms.media import check_upload


class MediaDocumentForm(BaseDocumentForm):
    """Wagtail's document form, plus the content check (see WAGTAILDOCS_DOCUMENT_FORM_BASE)."""

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        # Only a newly uploaded file needs checking; an unchanged one was checked before.
        if uploaded is not None and "file" in self.changed_data:
            check_upload(uploaded)
        return uploaded
