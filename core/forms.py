"""Admin forms: choices that respect the user's scope, and domain errors as form errors."""

from django import forms
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.forms.auth import LoginForm

from core.errors import DomainError


def add_domain_error(form, error: DomainError) -> None:
    """Put a service's ``DomainError`` on ``form``: on the field it names (``error.field``
    or ``details["field"]``) when the form has that field, else on the form as a whole.

    The one way a refused service call becomes a form error (``DomainErrorFormMixin``
    uses it; a plain form's view calls it directly).
    """
    field = getattr(error, "field", None) or error.details.get("field")
    form.domain_error = error
    form.add_error(field if field in form.fields else None, error.message)


class DomainErrorFormMixin:
    """Turns a service's ``DomainError`` into an error of this form.

    A view calls ``form.call_service(service, *args, **kwargs)``: it returns ``True``
    and keeps the return value in ``form.service_result``, or it returns ``False``
    after adding the error's message to the field the error names (``error.field`` or
    ``details["field"]``, when that field is on the form) or to the form as a whole.
    The error itself stays in ``form.domain_error`` for a view that needs its code or
    details (a conflict screen). So the form keeps what was typed and shows why.
    """

    service_result = None
    domain_error = None

    def add_domain_error(self, error: DomainError) -> None:
        add_domain_error(self, error)

    def call_service(self, service, *args, **kwargs) -> bool:
        try:
            self.service_result = service(*args, **kwargs)
        except DomainError as error:
            self.add_domain_error(error)
            return False
        return True


class ScopedAdminModelForm(DomainErrorFormMixin, WagtailAdminModelForm):
    """Every choice of a related record is limited to ``visible_to(user)``.

    Without this, a companion adding a concern could pick (and so learn the names of)
    tenancies of households they do not accompany.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if user is None:
            return
        for field in self.fields.values():
            if isinstance(field, forms.ModelChoiceField):
                queryset = field.queryset
                if hasattr(queryset, "visible_to"):
                    queryset = queryset.visible_to(user)
                # A model whose label follows relations names them, so that a long
                # choice list costs one query, not one per option.
                related = getattr(queryset.model, "choice_select_related", ())
                if related:
                    queryset = queryset.select_related(*related)
                field.queryset = queryset


class StaffLoginForm(LoginForm):
    """Wagtail's login form with a German label on the password field (Wagtail gives it
    none, so Django shows the field's name, "Password", in English)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = gettext_lazy("Password")
