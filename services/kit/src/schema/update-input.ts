import { type ClassType, getMetadataStorage, InputType } from 'type-graphql';

type FieldMetadata = ReturnType<typeof getMetadataStorage>['fields'][number];

/**
 * The base of a record type's update input, derived from its create input: every field of the
 * create input, optional (an omitted field stays as it is), except those an update cannot
 * change (`omit`: the parent the record belongs to, nested parts written with their parent).
 *
 * One declaration per field: a field added to the create input is updatable too, with the same
 * type and description, without a second copy. Use it as
 * `@InputType({ description }) class UpdateXInput extends UpdateInputOf(CreateXInput, { omit: ['parentId'] }) {}`;
 * an update-only field (a status) is declared on that subclass.
 *
 * type-graphql has no mapped types; its metadata storage (public `getMetadataStorage`) holds the
 * create input's fields, which are copied onto a base input type with `nullable: true`.
 */
export function UpdateInputOf<T extends object, K extends keyof T & string = never>(
  create: ClassType<T>,
  opts: { omit?: readonly K[]; describe?: Partial<Record<Exclude<keyof T & string, K>, string>> } = {},
): ClassType<Partial<Omit<T, K>>> {
  // An input type only so that the subclass inherits its fields; never in the schema itself
  // (type-graphql emits only the input types fields reach, and none reaches this one).
  @InputType(`${create.name}UpdateBase`)
  abstract class UpdateBase {}
  const storage = getMetadataStorage();
  const omitted = new Set<string>(opts.omit ?? []);
  const describe = (opts.describe ?? {}) as Record<string, string | undefined>;
  const fields = storage.fields.filter((f) => (f.target === create || create.prototype instanceof f.target) && !omitted.has(f.name));
  for (const field of fields) {
    // No default: an omitted field of an update means "unchanged", never "reset to the default".
    const { defaultValue: _default, ...rest } = field.typeOptions;
    const typeOptions: FieldMetadata['typeOptions'] = { ...rest, nullable: true };
    // type-graphql learns that a field is a list only when it first resolves the type thunk.
    const getType = () => {
      const type = field.getType();
      Object.assign(typeOptions, { array: field.typeOptions.array, arrayDepth: field.typeOptions.arrayDepth });
      return type;
    };
    storage.fields.push({ ...field, target: UpdateBase, typeOptions, getType, description: describe[field.name] ?? field.description });
  }
  return UpdateBase as unknown as ClassType<Partial<Omit<T, K>>>;
}
