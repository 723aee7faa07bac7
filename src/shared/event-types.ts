/** The 16 event types of DcisionAI's webhook guide, with the guide's descriptions. */
export const EVENT_TYPES = [
  { type: 'project.created', category: 'project', description: 'A new project has been created' },
  { type: 'project.updated', category: 'project', description: 'An existing project has been updated' },
  { type: 'project.deleted', category: 'project', description: 'A project has been deleted' },
  { type: 'model.created', category: 'model', description: 'A new model has been created' },
  { type: 'model.updated', category: 'model', description: 'An existing model has been updated' },
  { type: 'model.deleted', category: 'model', description: 'A model has been deleted' },
  { type: 'model.trained', category: 'model', description: 'A model has completed training' },
  { type: 'model.deployed', category: 'model', description: 'A model has been deployed' },
  { type: 'prediction.created', category: 'prediction', description: 'A new prediction has been created' },
  { type: 'prediction.updated', category: 'prediction', description: 'An existing prediction has been updated' },
  { type: 'prediction.deleted', category: 'prediction', description: 'A prediction has been deleted' },
  { type: 'prediction.completed', category: 'prediction', description: 'A prediction has completed processing' },
  { type: 'dataset.created', category: 'dataset', description: 'A new dataset has been created' },
  { type: 'dataset.updated', category: 'dataset', description: 'An existing dataset has been updated' },
  { type: 'dataset.deleted', category: 'dataset', description: 'A dataset has been deleted' },
  { type: 'dataset.processed', category: 'dataset', description: 'A dataset has completed processing' },
] as const;

export type EventType = (typeof EVENT_TYPES)[number]['type'];
export type EventCategory = (typeof EVENT_TYPES)[number]['category'];

export const EVENT_TYPE_NAMES: readonly EventType[] = EVENT_TYPES.map((entry) => entry.type);

export function isEventType(value: string): value is EventType {
  return (EVENT_TYPE_NAMES as readonly string[]).includes(value);
}
