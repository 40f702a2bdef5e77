// Rules about what the organisation must do, or may lose, once it uses the model: attribution,
// naming of derived models, redistribution, training on outputs, termination and changes.
import type { TLicence } from "../catalog";
import { activitiesOf, makesDerivedModel, offersModelToOthers, type TOrgFacts } from "./facts";
import { finding, type TLicenceFinding } from "./findings";
import { ACTIVITY_LABELS, joinWords } from "./labels";

function derivationPlans(facts: TOrgFacts): string[] {
  return [
    facts.willFineTune ? "fine-tune it" : "",
    facts.willDistil ? "distil it" : "",
    facts.willUseOutputsToTrainOtherModels ? "train other models on its outputs" : "",
  ].filter(Boolean);
}

export function attributionFindings(licence: TLicence, facts: TOrgFacts): TLicenceFinding[] {
  const out: TLicenceFinding[] = [];
  const { builtWithDisplay, modelNamePrefix, noticeText } = licence.attribution;

  if (builtWithDisplay) {
    const isProductTrigger = builtWithDisplay.trigger === "ship-or-distribute";
    const triggered = isProductTrigger ? offersModelToOthers(facts) : makesDerivedModel(facts) && offersModelToOthers(facts);
    if (triggered)
      out.push(
        finding(licence, "built-with", {
          topic: "attribution",
          severity: "obligation",
          title: `Display "${builtWithDisplay.text}"`,
          detail: isProductTrigger
            ? `You will offer the model, or a product or service containing it, to others, so "${builtWithDisplay.text}" must appear prominently on a related website, user interface, blog post, about page or product documentation.`
            : `A model you build with it will be made available, so its product documentation must say "${builtWithDisplay.text}".`,
          clause: builtWithDisplay.clause,
        }),
      );
  }

  if (modelNamePrefix) {
    const derives =
      facts.willFineTune || facts.willDistil || (modelNamePrefix.includesModelsTrainedOnOutputs && facts.willUseOutputsToTrainOtherModels);
    const prefix = modelNamePrefix.prefix;
    if (derives && offersModelToOthers(facts))
      out.push(
        finding(licence, "model-naming", {
          topic: "model-naming",
          severity: "obligation",
          title: `Name derived models "${prefix} …"`,
          detail: `You plan to ${joinWords(derivationPlans(facts))} and to offer the result to others. The name of any such model must begin with "${prefix}" (for example "${prefix}-Acme-Support").`,
          clause: modelNamePrefix.clause,
        }),
      );
    else if (derives)
      out.push(
        finding(licence, "model-naming", {
          topic: "model-naming",
          severity: "clear",
          title: `"${prefix}" naming rule not triggered yet`,
          detail: `A derived model kept in-house needs no "${prefix}" prefix. The rule applies as soon as one is distributed or made available to others.`,
          clause: modelNamePrefix.clause,
        }),
      );
  }

  if (noticeText && facts.willRedistributeWeights)
    out.push(
      finding(licence, "notice", {
        topic: "attribution",
        severity: "obligation",
        title: "Ship the licence notice with the weights",
        detail: "Every copy of the weights (or of a modified version) you hand on must carry this attribution notice.",
        clause: noticeText,
      }),
    );
  return out;
}

export function redistributionFindings(licence: TLicence, facts: TOrgFacts): TLicenceFinding[] {
  const r = licence.redistribution;
  const hostingCounts = r.hostedServiceCountsAsDistribution && facts.willHostForThirdParties;
  if (!facts.willRedistributeWeights && !hostingCounts) return [];
  const lead =
    hostingCounts && !facts.willRedistributeWeights
      ? "This licence treats offering the model as a hosted API or web service as distribution. "
      : "You will hand the weights on. ";
  return [
    finding(licence, "redistribution", {
      topic: "redistribution",
      severity: "obligation",
      title: "Redistribution duties apply",
      detail: `${lead}Duties: ${r.duties.join(" ")}`,
      clause: r.clause,
    }),
  ];
}

export function outputsTrainingFindings(licence: TLicence, facts: TOrgFacts): TLicenceFinding[] {
  if (!facts.willUseOutputsToTrainOtherModels && !facts.willDistil) return [];
  const o = licence.outputsToTrainOtherModels;
  const plan = joinWords(
    [facts.willDistil ? "distil it into another model" : "", facts.willUseOutputsToTrainOtherModels ? "train other models on its outputs" : ""].filter(
      Boolean,
    ),
  );
  const base = { topic: "outputs-training", clause: o.clause } as const;
  const inherits = o.derivedModelInheritsLicence
    ? " The new model counts as a derivative, so it carries this licence's use restrictions wherever it goes."
    : "";

  switch (o.status) {
    case "prohibited":
      return [
        finding(licence, "outputs-training", {
          ...base,
          severity: "blocker",
          title: "Training other models on its outputs is prohibited",
          detail: `You plan to ${plan}. The licence forbids using the model or its outputs to improve any other model (only derivatives of this model itself are exempt).`,
        }),
      ];
    case "allowed-with-conditions":
      return [
        finding(licence, "outputs-training", {
          ...base,
          severity: "obligation",
          title: "Training on its outputs comes with conditions",
          detail: `You plan to ${plan}. That is allowed on a condition: ${o.condition ?? "see the clause"}${inherits}`,
        }),
      ];
    case "non-commercial-only":
    case "research-only": {
      const scope = o.status === "research-only" ? "research" : "non-commercial";
      return [
        finding(licence, "outputs-training", {
          ...base,
          severity: facts.isCommercialUse ? "blocker" : "obligation",
          title: `Outputs may train other models only for ${scope} purposes`,
          detail: facts.isCommercialUse
            ? `You plan to ${plan} in a commercial setting, which this licence does not allow.`
            : `You plan to ${plan}; keep the resulting model to ${scope} use.${inherits}`,
        }),
      ];
    }
    case "unclear":
      return [
        finding(licence, "outputs-training", {
          ...base,
          severity: "needs-counsel",
          title: "Unclear whether outputs may train other models",
          detail: `You plan to ${plan}. ${o.condition ?? "The licence text available does not settle it."} Ask counsel, or the rights holder, before relying on it.`,
        }),
      ];
    case "allowed":
      return [
        finding(licence, "outputs-training", {
          ...base,
          severity: "clear",
          title: "Training other models on its outputs is allowed",
          detail: `You plan to ${plan}; the licence places no restriction on it.${inherits}`,
        }),
      ];
  }
}

const TERMINATION_WORDS = {
  breach: (automatic: boolean) => (automatic ? "It ends automatically if you breach it." : "The licensor may end it if you breach it."),
  "ip-litigation": () => "It ends automatically if you sue the licensor claiming the model or its outputs infringe your rights.",
  "patent-litigation": () => "Your patent licence ends if you bring patent litigation over the model.",
} as const;

export function terminationFindings(licence: TLicence, facts: TOrgFacts): TLicenceFinding[] {
  const out: TLicenceFinding[] = [];
  const guardrail = licence.termination.find((t) => t.trigger === "guardrail-bypass");
  if (guardrail) {
    const adapts = facts.willFineTune || facts.willDistil;
    out.push(
      finding(licence, "termination-guardrails", {
        topic: "termination",
        severity: adapts ? "needs-counsel" : "obligation",
        title: adapts ? "Fine-tuning could end the licence (guardrails clause)" : "Keep the model's guardrails in place",
        detail: adapts
          ? "Rights end automatically if you bypass or weaken the model's safety guardrails without a substantially similar one. Fine-tuning can weaken built-in refusals: put an equivalent guardrail (such as a safety classifier) in front of the tuned model and record why it is equivalent."
          : "Rights end automatically if you bypass or weaken the model's safety guardrails without a substantially similar one.",
        clause: guardrail.clause,
      }),
    );
  }
  const others = licence.termination.filter(
    (t): t is typeof t & { trigger: keyof typeof TERMINATION_WORDS } => t.trigger in TERMINATION_WORDS,
  );
  if (others.length > 0)
    out.push(
      finding(licence, "termination", {
        topic: "termination",
        severity: "obligation",
        title: "How the licence can end",
        detail: `${others.map((t) => TERMINATION_WORDS[t.trigger](t.isAutomatic)).join(" ")} Termination means stopping use of the model, so keep an exit plan.`,
        clause: others[0].clause,
      }),
    );
  return out;
}

const CHANGE_FINDINGS = {
  "licence-updatable": {
    severity: "needs-counsel",
    title: "The licensor can change the licence",
    detail: "If the licensor updates the agreement you must accept the new terms or stop using and distributing the model and your derivatives. Budget for a possible switch.",
  },
  "policy-updatable": {
    severity: "obligation",
    title: "The use policy can change",
    detail: "The licensor can update its use policy; your use must follow the current version, so watch its web page.",
  },
  "external-terms-incorporated": {
    severity: "obligation",
    title: "Terms published elsewhere are part of the licence",
    detail: "The licence pulls in a policy published at a web address; what it says when you use the model binds you. Track its current version.",
  },
  "remote-restriction": {
    severity: "obligation",
    title: "The licensor reserves the right to restrict use remotely",
    detail: "The licensor may restrict use it believes breaches the licence. Self-hosted weights limit the practical reach, but keep use within the terms.",
  },
} as const;

export function licenceChangeFindings(licence: TLicence): TLicenceFinding[] {
  return licence.unilateralChanges.map((c) =>
    finding(licence, `licence-changes-${c.kind}`, { topic: "licence-changes", ...CHANGE_FINDINGS[c.kind], clause: c.clause }),
  );
}

export function otherDutyFindings(licence: TLicence, facts: TOrgFacts): TLicenceFinding[] {
  const doing = activitiesOf(facts);
  return licence.otherDuties
    .filter((d) => doing.has(d.appliesWhen))
    .map((d) =>
      finding(licence, `duty-${d.id}`, {
        topic: "other-duty",
        severity: "obligation",
        title: d.summary.replace(/\.$/, ""),
        detail: `Applies because you plan ${ACTIVITY_LABELS[d.appliesWhen]}. ${d.summary}`,
        clause: d.clause,
      }),
    );
}
