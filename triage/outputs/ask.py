"""The question draft: a Markdown message to the requester of a bundle that is not buildable.

It says what was received, why it is not enough (each missing dimension with the evidence that
came closest) and the questions of each missing dimension. Every sentence comes from the
``ask`` section of the policy; this module only arranges them. A pure function of its inputs.

The message goes to someone outside: it names each document by its own file name (never a path
on this machine) and says why one could not be read in the requester's terms, never with the
operator's advice (options, paths, installs) that the error row carries.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePosixPath

from triage.errors import RuleError
from triage.outputs.render import md_code, md_escape
from triage.report import DIMENSIONS, Hit, Report, SeedReport, safe_text
from triage.rulebook import POLICY_FILE, AskTemplate, Policy, default_rules_dir, load_policy

QUOTES_PER_SEED = 3
QUOTES_PER_DIMENSION = 3
# (words in an error row, what the requester reads instead); the first that matches, else the last.
REQUESTER_REASONS: tuple[tuple[str, str], ...] = (
    ("password-protected", "it is password-protected"),
    ("no text layer", "it has no text layer, as a scan has none"),
    ("empty file", "it is empty"),
    ("no text, only", "it holds no text"),
    ("size limit", "it is larger than we can take"),
    ("file not found", "it was not among the files we received"),
    ("URL entry", "it is a link, and we do not download links; please send the file itself"),
    ("not a text document", "it is in a format we cannot read"),
    ("not a readable", "it is damaged or in a format we cannot read"),
    ("", "it could not be opened"),
)


def missing_dimensions(report: Report) -> tuple[str, ...]:
    """Return the core dimensions that no seed of the bundle states, in policy order."""
    return tuple(name for name in DIMENSIONS if not getattr(report.bundle.dimensions, name))


def needs_asking(report: Report) -> bool:
    """Return whether the requester must be asked: the bundle is not buildable, or is incomplete."""
    return report.bundle.verdict != "buildable" or report.bundle.errors > 0


def ask_template(policy: Policy) -> AskTemplate:
    """Return the policy's message template, or the shipped one when the policy has none."""
    if policy.ask is not None:
        return policy.ask
    shipped = load_policy(default_rules_dir() / POLICY_FILE).ask
    if shipped is None:
        raise RuleError([f"{POLICY_FILE}: no 'ask' section to draft the message from"])
    return shipped


def draft_request(report: Report, policy: Policy) -> str:
    """Return the Markdown message asking the requester for what the bundle lacks."""
    ask = ask_template(policy)
    missing = missing_dimensions(report)
    blocks = [
        f"# {md_escape(ask.title)}",
        md_escape(ask.greeting),
        _received(report, ask),
        md_escape(ask.not_enough),
    ]
    if report.bundle.verdict == "not-a-spec":
        blocks.append(md_escape(policy.not_a_spec_question))
    blocks.extend(_dimension_section(report, policy, ask, name) for name in missing)
    others = other_questions(report, policy)
    if others:
        numbered = "\n".join(f"{i}. {md_escape(q)}" for i, q in enumerate(others, 1))
        blocks.append(f"## {md_escape(ask.other_questions)}\n\n{numbered}")
    present = [policy.dimensions[n].label for n in DIMENSIONS if n not in missing]
    if present:
        blocks.append(md_escape(ask.already_there.format(labels=", ".join(present))))
    blocks += [md_escape(ask.closing), md_escape(ask.signature)]
    return safe_text("\n\n".join(blocks) + "\n", lines=True)


def other_questions(report: Report, policy: Policy) -> tuple[str, ...]:
    """Return the seeds' questions that belong to no dimension (the policy's clarifications)."""
    known = {policy.not_a_spec_question}
    known.update(q for dim in policy.dimensions.values() for q in dim.questions)
    found = [q for seed in report.seeds for q in seed.questions if q not in known]
    return tuple(dict.fromkeys(found))


def _received(report: Report, ask: AskTemplate) -> str:
    count = len(report.seeds)
    amount = ask.one_document if count == 1 else ask.many_documents.format(count=count)
    lines = [md_escape(ask.received.format(count=amount)), ""]
    for seed in report.seeds:
        lines.append(f"- {_seed_line(seed, ask)}")
        lines.extend(f"  - {_quote(hit)}" for hit in seed.evidence[:QUOTES_PER_SEED])
    return "\n".join(lines)


def _seed_line(seed: SeedReport, ask: AskTemplate) -> str:
    file = md_code(document_name(seed))
    if seed.error is not None:
        return ask.error_line.format(file=file, error=md_escape(requester_reason(seed.error)))
    return ask.seed_line.format(file=file, summary=md_escape(seed.summary or ""))


def document_name(seed: SeedReport) -> str:
    """Return the name a requester knows a seed by: its file name, without any folder."""
    return PurePosixPath(seed.path.replace("\\", "/")).name or seed.path


def requester_reason(error: str) -> str:
    """Return why a seed could not be read, in the requester's terms (see ``REQUESTER_REASONS``)."""
    return next(reason for words, reason in REQUESTER_REASONS if words in error)


def _quote(hit: Hit) -> str:
    return f"line {hit.line}: “{md_escape(hit.excerpt)}”"


def _dimension_section(report: Report, policy: Policy, ask: AskTemplate, name: str) -> str:
    spec = policy.dimensions[name]
    label = spec.label[:1].upper() + spec.label[1:]
    heading = f"## {md_escape(ask.dimension_heading.format(label=label))}"
    numbered = "\n".join(f"{i}. {md_escape(q)}" for i, q in enumerate(spec.questions, 1))
    found = _found(report.seeds, set(spec.signals), ask)
    return "\n\n".join([heading, found, md_escape(ask.questions_intro), numbered])


def _found(seeds: Sequence[SeedReport], signals: set[str], ask: AskTemplate) -> str:
    hits = [h for s in seeds for h in s.evidence if h.signal in signals]
    if hits:
        quotes = "\n".join(f"- {_quote(hit)}" for hit in hits[:QUOTES_PER_DIMENSION])
        return f"{md_escape(ask.evidence_found)}\n\n{quotes}"
    mentions = sum(
        part.count
        for seed in seeds
        if seed.scores is not None
        for part in seed.scores.contributions
        if part.signal in signals
    )
    if mentions:
        return md_escape(ask.mentions.format(count=mentions))
    return md_escape(ask.no_evidence)
