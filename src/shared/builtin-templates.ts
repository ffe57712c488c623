import type { Template } from './model.ts';

/**
 * Built-in drafts, in our own words. Honest by rule: no fake urgency, no invented scarcity,
 * no claims the user cannot stand behind. Each asks for one small, specific thing.
 */
export const BUILTIN_TEMPLATES: readonly Template[] = [
  {
    id: 'builtin:referral-ask:linkedin',
    kind: 'referral-ask',
    channel: 'linkedin-message',
    name: 'Referral ask (LinkedIn)',
    builtIn: true,
    body: [
      'Hi {{firstName}},',
      '',
      "I hope things are going well. I'm reaching out with a favour to ask: do you know one or two people who might get value from what we do at {{myCompany}}?",
      '',
      "If someone comes to mind, an introduction or just a name would mean a lot. And if not, no worries at all — I'm grateful either way.",
      '',
      'Thanks,',
      '{{myName}}',
    ].join('\n'),
  },
  {
    id: 'builtin:favour-ask:linkedin',
    kind: 'favour-ask',
    channel: 'linkedin-message',
    name: 'Ask for help (LinkedIn)',
    builtIn: true,
    body: [
      'Hi {{firstName}},',
      '',
      "I'd value your advice. I'm looking to meet a few teams who could use what we offer at {{myCompany}}, and you know this space better than most.",
      '',
      'Is there anyone you think I should talk to, or anything you would do in my place? Even a quick thought helps.',
      '',
      'Thank you,',
      '{{myName}}',
    ].join('\n'),
  },
  {
    id: 'builtin:upsell:linkedin',
    kind: 'upsell',
    channel: 'linkedin-message',
    name: 'Check-in with a customer (LinkedIn)',
    builtIn: true,
    body: [
      'Hi {{firstName}},',
      '',
      "How is {{product}} working for you so far? I'd like to hear what is going well and what isn't.",
      '',
      'If there is a part of your work it does not cover yet, I am happy to look at whether something else we offer fits — and to say so plainly if it does not.',
      '',
      'Best,',
      '{{myName}}',
    ].join('\n'),
  },
  {
    id: 'builtin:stalled-revival:linkedin',
    kind: 'stalled-revival',
    channel: 'linkedin-message',
    name: 'Revive a stalled deal (LinkedIn)',
    builtIn: true,
    body: [
      'Hi {{firstName}},',
      '',
      'We last spoke about {{product}} a while ago and I did not want to leave things hanging.',
      '',
      'Could you tell me honestly what stands in the way right now? Timing, budget, a missing feature, or something else entirely — knowing helps me see whether I can remove it, or whether it is better to pause.',
      '',
      'Thanks for your candour,',
      '{{myName}}',
    ].join('\n'),
  },
  {
    id: 'builtin:group-post:linkedin',
    kind: 'group-post',
    channel: 'linkedin-group',
    name: 'Ask the group for introductions',
    builtIn: true,
    body: [
      'A question for {{groupName}}, with something to give first.',
      '',
      'I work with teams on {{product}} at {{myCompany}}. Three things I have seen work this year, free to use whether or not we ever talk:',
      '1. (a short, useful lesson from your work)',
      '2. (another one)',
      '3. (a third one)',
      '',
      "My ask: if you know someone who is wrestling with this right now, I'd be grateful for an introduction. And if I can help anyone here with an intro of my own, just say so.",
      '',
      '{{myName}}',
    ].join('\n'),
  },
];

export function builtinTemplateFor(kind: Template['kind'], channel: Template['channel']): Template | undefined {
  return BUILTIN_TEMPLATES.find((template) => template.kind === kind && template.channel === channel);
}
