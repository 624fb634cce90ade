import type { Finding, Rule } from '../rule';
import { TICKET_KEY, ticketTokensOf, ticketVerdicts } from './support/tickets';

export const ticketKeyInvalid: Rule = {
  code: 'TS412',
  name: 'ticket-key-invalid',
  defaultSeverity: 'warning',
  description: "A ticket in the task table's Jira column is not a key like ABC-123.",
  help: 'Write the ticket as its key: the project key in capitals, a hyphen and the number (ABC-123), or a link to it.',
  check(ctx) {
    const tasks = ctx.model.taskTable?.tasks ?? [];
    const findings: Finding[] = [];
    const flagged = new Set(ticketVerdicts(ctx).invalid.map((v) => v.task));
    for (const i of flagged) {
      for (const t of ticketTokensOf(ctx.model, tasks[i])) {
        if (TICKET_KEY.test(t.text)) continue;
        const upper = t.text.toUpperCase();
        const hint = TICKET_KEY.test(upper) ? ` Did you mean ${upper}?` : '';
        findings.push({
          range: t.range,
          message: `Ticket "${t.text}" of ${tasks[i].id} is not a key like ABC-123 (project key in capitals, a hyphen, the number).${hint}`,
        });
      }
    }
    return findings;
  },
};
