"""Texts for the structure tests, written for them: a long spec with a commentary section."""

from __future__ import annotations

from itertools import cycle, islice

_VERBS = ["record", "validate", "forward", "compress", "archive", "reject", "timestamp", "count"]
_OBJECTS = [
    "each position report",
    "every engine fault code",
    "the fuel level reading",
    "each driver login event",
    "the odometer value",
    "every door sensor change",
    "the cabin temperature sample",
    "each geofence crossing",
    "the tyre pressure sample",
]
_CONDITIONS = [
    "within 2 seconds of receiving it",
    "before it is stored in the readings table",
    "when the vehicle reports over the cellular link",
    "and log the outcome in the audit trail",
    "unless the vehicle is marked as retired",
    "for at least 90 days",
    "using the schema version given in the message header",
]

COMMENTARY = """## 9. Commentary: why ninety days is the wrong number

We think the retention period is the weakest part of this document, and frankly we are not
convinced anyone has argued for it. In our view ninety days is an arbitrary number. Why should a
fleet manager lose a year of fuel history just because storage was cheap to estimate? I believe
the operators deserve better, and I am convinced that most of them would say so if asked.

Of course, longer retention costs money. But it is clearly wrong to let the storage bill decide
what the business may learn from its own vehicles. We should stop pretending that old readings
are worthless; they are the only honest record of how the fleet was driven. It is time to say so.
"""


def long_spec(commentary: str = COMMENTARY, requirements: int = 150) -> str:
    """Return a long requirements spec (shall-statements, an API and a data section)."""
    triples = zip(cycle(_VERBS), cycle(_OBJECTS), cycle(_CONDITIONS), strict=False)
    items = [
        f"- FR-{n} The service shall {verb} {thing} {condition}."
        for n, (verb, thing, condition) in enumerate(islice(triples, requirements), start=1)
    ]
    endpoints = [
        f"- `GET /v1/vehicles/{{id}}/{name}` returns the {name} of one vehicle as JSON, newest "
        f"first, paged by `cursor` and `limit` (default 100, at most 1000)."
        for name in ["positions", "faults", "fuel", "logins", "doors", "temperatures", "tyres"]
    ]
    fields = [
        f"| {name} | {kind} | {note} |"
        for name, kind, note in [
            ("vehicle_id", "string", "fleet number, unique"),
            ("received_at", "timestamp", "UTC, set by the service"),
            ("kind", "enum", "position, fault, fuel, login, door, temperature, tyre"),
            ("value", "number", "unit given by kind"),
            ("schema_version", "integer", "from the message header"),
        ]
    ]
    return "\n".join(
        [
            "# Fleet telemetry service: requirements",
            "",
            "## 1. Scope",
            "",
            "The service receives readings from the vehicles of a delivery fleet over a cellular",
            "link, stores them, and serves them to the dispatch and maintenance applications.",
            "",
            "## 2. Functional requirements",
            "",
            *items,
            "",
            "## 3. API",
            "",
            *endpoints,
            "- `POST /v1/readings` accepts a batch of up to 500 readings and returns 202.",
            "",
            "## 4. Data model",
            "",
            "| field | type | notes |",
            "|---|---|---|",
            *fields,
            "",
            "## 5. Performance",
            "",
            "- The service shall accept 2,000 readings per second with a p95 latency below 200 ms.",
            "",
            "## 6. Acceptance",
            "",
            "The service is accepted when a replay of one week of fleet traffic is stored and",
            "served without loss and every API call above returns the expected results.",
            "",
            commentary,
            "## 10. Conclusion",
            "",
            "The requirements above are what the first release must meet.",
            "",
        ]
    )
