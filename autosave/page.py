"""A page whose form saves as you type: shown on GET, saved (and answered per field) on POST."""

import copy

from .outcome import Outcome, bases_for, respond
from .saving import save_form


def autosave_page(request, *, record, form_class, save, template, context, warnings=None, readonly=False):
    """`save(answers=, bases=, keep_mine=)` is the app's action for this record;
    `warnings(texts) -> {field: [hit]}` finds phrases to avoid in what was typed."""
    posted = request.method == "POST" and not readonly
    form = (form_class.for_request(request) if posted else form_class)(request.POST if posted else None,
                                                                      instance=copy.copy(record))
    if posted:
        record, outcome = save_form(form, record, save)
        if not (outcome.invalid or outcome.conflicts or outcome.blocked):
            form = form_class(instance=copy.copy(record))
    else:
        outcome = Outcome(bases=bases_for(record, form.fields))
    texts = form.texts(outcome.touched if request.htmx and posted else form.fields, record)
    context = {**context(record, form), "form": form, "autosave": outcome, "readonly": readonly,
               "warnings": warnings(texts) if warnings else {}}
    return respond(request, template, context, outcome if posted else None)
