from django import template
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from autosave.rendering import escaped

register = template.Library()


@register.simple_tag
def progress_bar(steps):
    """The consult's steps with their state (consult.flow.progress), as a numbered list;
    written here rather than as a template because every consult page draws it."""
    items = []
    for number, step in enumerate(steps, 1):
        classes = "step" + "".join(f" {state}" for state in ("current", "done", "waiting") if step[state])
        if step["done"]:
            state = f'<span class="visually-hidden">({escaped(_("klaar"))})</span><span aria-hidden="true"> ✓</span>'
        elif step["waiting"]:
            state = f'<span class="small"> ({escaped(step["waiting"])})</span>'
        elif step["next"]:
            state = f'<span class="visually-hidden">({escaped(_("volgende stap"))})</span>'
        else:
            state = ""
        body = f'<span class="num">{number}</span> {escaped(step["label"])}\n{state}'
        if step["url"]:
            current = ' aria-current="step"' if step["current"] else ""
            body = f'<a href="{escaped(step["url"])}"{current}>{body}</a>'
        items.append(f'<li class="{classes}" data-step="{escaped(step["key"])}">{body}</li>')
    return SafeString(
        f'<nav aria-label="{escaped(_("Stappen van het consult"))}" class="mb-3">'
        f'<ol class="steps list-unstyled d-flex flex-wrap gap-2 mb-0">\n{"".join(items)}\n</ol></nav>'
    )
