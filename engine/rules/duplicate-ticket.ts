import type { Finding, Rule } from '../rule';
import { ticketTokensOf, ticketVerdicts } from './support/tickets';

export const duplicateTicket: Rule = {
  code: 'TS413',
  name: 'duplicate-ticket',
  defaultSeverity: 'warning',
  description: 'Two tasks name the same ticket key.',
  help: 'Give each task its own ticket, or merge the two tasks if they are one piece of work.',
  check(ctx) {
    const tasks = ctx.model.taskTable?.tasks ?? [];
    const findings: Finding[] = [];
    for (const { task, key, earlier } of ticketVerdicts(ctx).duplicates) {
      const at = ticketTokensOf(ctx.model, tasks[task]).find((t) => t.text === key)!;
      const was = ticketTokensOf(ctx.model, tasks[earlier]).find((t) => t.text === key)!;
      findings.push({
        range: at.range,
        message: `Ticket ${key} is already the ticket of ${tasks[earlier].id}: give ${tasks[task].id} its own ticket.`,
        related: [{ range: was.range, message: `${key} on ${tasks[earlier].id}` }],
      });
    }
    return findings;
  },
};
