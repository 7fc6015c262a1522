from django import template

from .. import rendering

register = template.Library()


@register.filter
def get(mapping, key):
    return (mapping or {}).get(key, "")


@register.simple_tag(takes_context=True)
def autosave_field(context, field, inline=False, placeholder="", suggested=()):
    """A whole field of the page's form, with the page's save outcome and warnings."""
    return rendering.field_block(
        field, outcome=context.get("autosave"), warnings=context.get("warnings"), inline=inline,
        placeholder=placeholder, suggested=suggested, suggested_label=context.get("suggested_label", ""),
    )


@register.simple_tag(takes_context=True)
def autosave_base(context, name, oob=False):
    return rendering.base_input(name, rendering.mapping(context.get("autosave"), "bases").get(name, ""), oob=oob)


@register.simple_tag(takes_context=True)
def autosave_feedback(context, field, oob=False):
    return rendering.feedback(field, outcome=context.get("autosave"), warnings=context.get("warnings"), oob=oob)


@register.simple_tag
def autosave_choices(choices, legend):
    return rendering.choice_list(choices, legend)


@register.simple_tag(takes_context=True)
def autosave_changes(context):
    return rendering.changes(context["form"], outcome=context["autosave"], warnings=context.get("warnings"))


@register.simple_tag(takes_context=True)
def autosave_status(context, oob=False):
    return rendering.status(context.get("autosave"), oob=oob)
