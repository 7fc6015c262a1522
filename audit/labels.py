"""Dutch words for the stable names in the access log.

The log stores stable names ("stap:scegs", "complaints,duration"); the apps that write
them register what each name means, and the practice manager reads the words.
"""

_labels = {}


def register(labels):
    """Add {stable name: words}; a name may be a prefix before ":" (as in "stap:")."""
    _labels.update({key: str(value) for key, value in labels.items()})


def describe(what):
    """The words for a stored `what`, part by part; unknown parts are shown as stored."""
    parts = []
    for part in (what or "").split(","):
        pieces = [piece.strip() for piece in part.split(":") if piece.strip()]
        for end in range(len(pieces), 0, -1):  # the longest known prefix, then the rest
            known = ":".join(pieces[:end])
            if known in _labels:
                parts.append(" ".join([_labels[known], *pieces[end:]]))
                break
        else:
            if pieces:
                parts.append(":".join(pieces))
    return ", ".join(parts)
