"""The policy's second opinions: when the fitted models of ``weights.yaml`` overrule it.

``fitted_genre`` hands close genre calls to the fitted genre models; ``fitted_verdict`` lets the
fitted spec model overrule a verdict it is sure of. Both read the same ``weights.yaml`` that
``triage fit`` writes, and both are traced, so ``triage explain`` shows who decided.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class FittedGenreSpec(_Frozen):
    """When the policy's genre ranking is too close to call, the fitted genre models decide.

    ``lead_below``: when the best genre leads the next genre of its intent (build or not) by
    fewer than this many points, or no genre reached its ``min_score``, the genre models of
    ``weights.yaml`` choose among the genres of that intent; the verdict rules then read the
    genre they chose.
    """

    lead_below: float = Field(gt=0.0)


# The spec probability a document must reach to be buildable: the smallest of 0.5, 0.6, ...,
# 0.95 that kept non-specs called buildable at 1% or less in grouped 5-fold cross-validation on
# the training corpus (0.009 at 0.85, 0.019 at 0.8, 0.025 at 0.5), not chosen on the dev set.
# ``triage fit`` writes it as ``buildable_above`` unless told otherwise.
DEFAULT_BUILDABLE_ABOVE = 0.85


class FittedVerdictSpec(_Frozen):
    """When the fitted spec model is sure, it overrules the policy's verdict.

    With ``p`` the spec model's probability that the document intends a build: under
    ``not_a_spec_below`` any verdict becomes not-a-spec; at or over ``spec_above`` a not-a-spec
    becomes needs-clarification; under ``buildable_above`` a buildable becomes
    needs-clarification. When the verdict changes intent, the fitted genre models choose the
    genre among those of the new intent.
    """

    not_a_spec_below: float = Field(ge=0.0, lt=1.0)
    spec_above: float = Field(gt=0.0, le=1.0)
    buildable_above: float = Field(default=0.0, ge=0.0, lt=1.0)

    @model_validator(mode="after")
    def _ordered(self) -> FittedVerdictSpec:
        """Refuse bounds that leave no room between not-a-spec and a spec."""
        if not self.not_a_spec_below < self.spec_above:
            raise ValueError("not_a_spec_below must be under spec_above")
        return self
