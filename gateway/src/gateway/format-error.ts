import { variableField } from '@pb/kit';
import type { GraphQLFormattedError } from 'graphql';
import { tokenLimitError } from '@pb/kit';

const ADDRESS_SOURCE = String.raw`(https?://[^\s"']+|\b\d{1,3}(\.\d{1,3}){3}(:\d+)?\b|\blocalhost(:\d+)?\b)`;
const hasAddress = (text: string) => new RegExp(ADDRESS_SOURCE).test(text);
const hideAddresses = (text: string) => text.replace(new RegExp(ADDRESS_SOURCE, 'g'), '[address hidden]');
const SAFE_EXTENSIONS = ['code', 'field', 'serviceName', 'sector', 'limit', 'found', 'retryAfter', 'existingId', 'duplicateOf'];

/**
 * The gateway's last line: keeps the message and the useful extensions (code, field at fault,
 * which sector), drops anything else a subgraph or the planner attached (responses, stacks),
 * and blanks addresses in case one slipped into a message.
 */
export function formatGatewayError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  formatted = tokenLimitError(formatted);
  const extensions = Object.fromEntries(Object.entries(formatted.extensions ?? {}).filter(([k]) => SAFE_EXTENSIONS.includes(k)));
  // A variable the gateway itself rejects (a bad enum or Int) names its field like a subgraph's.
  if (extensions.code === 'BAD_USER_INPUT' && !extensions.field) {
    const field = variableField(formatted.message);
    if (field) extensions.field = field;
  }
  const internal = !extensions.code || extensions.code === 'INTERNAL_SERVER_ERROR';
  return {
    message: internal && hasAddress(formatted.message) ? 'Internal server error' : hideAddresses(formatted.message),
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', ...extensions },
  };
}
