import type { FastifyError } from 'fastify';

interface AjvIssue {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** Turns a schema validation failure into one sentence that names the field and the fix. */
export function describeValidation(error: FastifyError): string {
  const issue = (error.validation as AjvIssue[] | undefined)?.[0];
  if (!issue) return error.message;
  const context = (error as FastifyError & { validationContext?: string }).validationContext ?? 'body';
  const field = `${context}${issue.instancePath.replace(/\//g, '.')}`;
  switch (issue.keyword) {
    case 'additionalProperties':
      return `${field} has an unknown field "${String(issue.params.additionalProperty)}"; remove it.`;
    case 'required':
      return `${field} is missing the required field "${String(issue.params.missingProperty)}".`;
    case 'enum':
      return `${field} must be one of ${(issue.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}.`;
    case 'type':
      // A nullable field (`type: ['string', 'null']`): "must be string or null", not Ajv's "string,null".
      if (Array.isArray(issue.params.type)) return `${field} must be ${(issue.params.type as string[]).join(' or ')}.`;
      return `${field} ${issue.message ?? 'is invalid'}.`;
    default:
      return `${field} ${issue.message ?? 'is invalid'}.`;
  }
}
