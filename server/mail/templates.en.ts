import type { MailTemplate, TemplateKey } from './templates.nl.ts';

/**
 * The English texts for complainants who chose English (the case's `language`). Plain language:
 * short sentences, what happens next and by when. Same merge fields as the Dutch set; staff
 * templates stay Dutch (they go to colleagues), so only citizen templates are here.
 */
export const TEMPLATES_EN = {
  confirmation: {
    subject: 'We have received your complaint ({{caseReference}})',
    text: `Dear {{complainantName}},

Thank you for your complaint. We have received it. Your reference is {{caseReference}}.

What happens now?
A member of staff reads your complaint. If we need more information, we will contact you.
You will get an answer by {{deadline}} at the latest.

Follow your complaint with this link:
{{trackingLink}}
Do not share this link with others.

Kind regards,
{{organisationName}}`,
  },
  acknowledgment: {
    subject: 'We are handling your complaint ({{caseReference}})',
    text: `Dear {{complainantName}},

We received your complaint on {{receivedDate}}. Your reference is {{caseReference}}.
{{handlerName}} handles your complaint. You will get an answer by {{deadline}} at the latest.

You may also explain your complaint in a conversation. Would you like that? Please let us know.

Follow your complaint with this link:
{{trackingLink}}

Kind regards,
{{handlerName}}
{{organisationName}}`,
  },
  informationRequest: {
    subject: 'We need more information ({{caseReference}})',
    text: `Dear {{complainantName}},

We want to handle your complaint well. For that we need more information:

{{question}}

Please send it to us by {{answerBy}} at the latest. You can do that with this link:
{{trackingLink}}

If we hear nothing from you, we will close your complaint. You can always make a new complaint later.

Kind regards,
{{organisationName}}`,
  },
  autoClose: {
    subject: 'We have closed your complaint ({{caseReference}})',
    text: `Dear {{complainantName}},

We asked you for more information. We did not get it in time. That is why we have closed your complaint.

Do you still want us to handle your complaint? Then make a new complaint, or call us on {{organisationPhone}}.

Kind regards,
{{organisationName}}`,
  },
  cancellation: {
    subject: 'Your complaint has stopped ({{caseReference}})',
    text: `Dear {{complainantName}},

We no longer handle your complaint {{caseReference}}. The reason is: {{reason}}.

Is this not right? Then call us on {{organisationPhone}}.

Kind regards,
{{organisationName}}`,
  },
  subjectRequestExtension: {
    subject: 'Your request about your data: the answer will come later',
    text: `Dear {{complainantName}},

On {{receivedDate}} we received your request about your personal data.
We need more time to handle it well. The reason is: {{reason}}.
You will get an answer by {{deadline}} at the latest.

Kind regards,
{{organisationName}}`,
  },
  extensionNotice: {
    subject: 'Your answer will come later ({{caseReference}})',
    text: `Dear {{complainantName}},

We need more time for your complaint. The reason is: {{reason}}.
You will get an answer by {{deadline}} at the latest.{{deadlineChange}}

Kind regards,
{{handlerName}}
{{organisationName}}`,
  },
  hearingInvitation: {
    subject: 'Invitation to talk about your complaint ({{caseReference}})',
    text: `Dear {{complainantName}},

We would like to talk with you about your complaint. Then you can tell your story.
You can choose one of these times:
{{slots}}

Choose a time with this link:
{{trackingLink}}
You may bring someone to the conversation, for example a family member or an adviser.
None of these times suit you? Or you do not want a conversation? Then call us on {{organisationPhone}}.

Kind regards,
{{handlerName}}
{{organisationName}}`,
  },
  hearingConfirmation: {
    subject: 'Your conversation is planned ({{caseReference}})',
    text: `Dear {{complainantName}},

Your conversation about complaint {{caseReference}} is planned on {{hearingAt}}.
Place: {{location}}.

Kind regards,
{{organisationName}}`,
  },
  informalConfirmation: {
    subject: 'Summary of our conversation ({{caseReference}})',
    text: `Dear {{complainantName}},

Thank you for the conversation about your complaint. This is what we agreed:

{{solution}}

Is this not right? Or are you still not satisfied? Let us know on {{organisationPhone}}.

Kind regards,
{{handlerName}}
{{organisationName}}`,
  },
  surveyInvitation: {
    subject: 'How did we handle your complaint? ({{caseReference}})',
    text: `Dear {{complainantName}},

Your complaint {{caseReference}} has been dealt with. Would you tell us how it went? It takes one minute.
{{surveyLink}}

Kind regards,
{{organisationName}}`,
  },
  letter: {
    subject: 'Our letter about your complaint ({{caseReference}})',
    text: `Dear {{complainantName}},

You are getting a letter from us about your complaint {{caseReference}}. The letter is attached to this e-mail.

Do you have questions about the letter? Then call us on {{organisationPhone}}. Please give your reference: {{caseReference}}.

Kind regards,
{{handlerName}}
{{organisationName}}`,
  },
  /** The one staff mail in English: a scheduled report, in the language the subscriber used the app in. */
  reportMail: {
    subject: 'Complaints overview {{reportPeriod}}',
    text: `Dear colleague,

Here is the overview of complaints for {{reportPeriod}}. You get it {{reportFrequency}}.

{{reportFigures}}

See the figures and the cases behind them in Klachtflow:
{{reportLink}}

No longer want this overview? Stop it in Klachtflow under Analysis.

Klachtflow, {{organisationName}}`,
  },
} as const satisfies Partial<Record<TemplateKey, MailTemplate>>;
