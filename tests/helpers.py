import re

from django import forms
from django.urls import reverse

HTMX = {"HTTP_HX_REQUEST": "true"}


def url(name, consult, query=""):
    return reverse(name, args=[consult.pk]) + query


def step_url(consult, segment, query=""):
    return reverse("consult_step", args=[consult.pk, segment]) + query


def assert_other_practice_gets_404(client, path, consult, method="get", data=None):
    """Another practice's user gets exactly what an unknown id gets: 404, nothing of the consult."""
    if not path.startswith("/"):
        path = url(path, consult)
    response = getattr(client, method)(path, data or {})
    assert response.status_code == 404
    assert consult.patient_reference.encode() not in response.content


def form_data(client, path):
    """What the page's form would post untouched: every field's value and its base."""
    response = client.get(path)
    assert response.status_code == 200, response.status_code
    form = response.context["form"]
    bases = response.context["autosave"].bases
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if isinstance(field, forms.BooleanField):
            if value:
                data[name] = "on"
        elif isinstance(value, (list, tuple)):
            data[name] = [str(v) for v in value]
        elif value is not None:
            data[name] = value
        data[f"base-{name}"] = bases[name]
    return data


def post_step(client, consult, segment, htmx=True, data=None, **changes):
    """Post a step's form as the browser would after the user changed `changes`: the
    page's autosave (htmx) sends only the changed fields with their bases, a plain
    submit sends the whole form."""
    path = step_url(consult, segment)
    posted = form_data(client, path) if data is None else dict(data)
    if htmx and data is None:
        posted = {key: value for key, value in posted.items() if _changed(key.removeprefix("base-"), changes)}
    for name, value in changes.items():
        if value is False or value is None:
            posted.pop(name, None)
        elif value is True:
            posted[name] = "on"
        else:
            posted[name] = value
    return client.post(path, posted, **(HTMX if htmx else {}))


def _changed(name, changes):
    return name in changes or any(key.startswith(f"{name}-") for key in changes)


def oob(html, element_id):
    """The out-of-band piece of an htmx answer with this id, or ''."""
    tag = re.search(rf'<input[^>]*id="{re.escape(element_id)}"[^>]*hx-swap-oob="true"[^>]*>', html)
    if tag:
        return tag.group(0)
    match = re.search(rf'<(\w+)[^>]*id="{re.escape(element_id)}"[^>]*hx-swap-oob="true"[^>]*>(.*?)</\1>', html, re.S)
    return match.group(0) if match else ""
