"""What every consult step does with its form: show, autosave, finish."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django_htmx.http import HttpResponseClientRedirect

from explanations.guard import find_phrases
from explanations.models import PhraseToAvoid

from .. import flow
from ..actions import ConsultFinalError, StaleConsultError, update_consult
from .access import client_ip

TEMPLATE = "consult/step.html"


def guard_warnings(form, consult):
    """Phrases to avoid in the typed text, per field name."""
    phrases = list(PhraseToAvoid.objects.filter(version=consult.content_version))
    warnings = {}
    for name in form.fields:
        value = form[name].value()
        if isinstance(value, str) and value:
            hits = find_phrases(value, phrases)
            if hits:
                warnings[name] = hits
    return warnings


def handle_step(request, consult, *, step_key, form_class, fields_template, extra_context=None):
    step = flow.get_step(step_key)
    finishing = "_next" in request.POST
    state = conflict_version = None
    if request.method == "POST":
        form = form_class(request.POST, consult=consult)
        if consult.is_final:
            state = "final"
        elif form.is_valid():
            fields, relations = form.changed_values()
            try:
                consult = update_consult(
                    consult=consult, user=request.user, expected_version=form.cleaned_data["version"],
                    fields=fields, relations=relations, ip_address=client_ip(request),
                )
            except StaleConsultError as exc:
                state = "conflict"
                conflict_version = exc.current_version
            except ConsultFinalError:
                state = "final"
            else:
                state = "saved"
                problems = form.finish_problems() if finishing else {}
                for name, message in problems.items():
                    form.add_error(name, message)
                if problems:
                    state = "incomplete"
                elif finishing:
                    target = flow.next_step(consult)
                    url = target.url(consult) if target else flow.get_step("problem_definition").url(consult)
                    if target is None or target.key == step_key:
                        url = step.url(consult)
                    if not request.htmx:
                        messages.success(request, _("Opgeslagen."))
                    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)
        else:
            state = "invalid"
    else:
        form = form_class(consult=consult)

    context = {
        "consult": consult,
        "form": form,
        "step": step,
        "steps": flow.progress(consult, step_key),
        "fields_template": fields_template,
        "state": state,
        "conflict_version": conflict_version,
        "form_version": consult.version if state in (None, "saved", "incomplete") else form["version"].value(),
        "warnings": guard_warnings(form, consult),
        **(extra_context(consult) if extra_context else {}),
    }
    template = f"{TEMPLATE}#save-status" if request.htmx and request.method == "POST" else TEMPLATE
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response
