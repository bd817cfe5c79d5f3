// Validates every YAML document in the *.yaml files of one folder (default: deploy/k8s) against the
// Kubernetes API schema for its apiVersion and kind, offline, with the schemas compiled into the
// npm package kubernetes-models. Prints one JSON object and exits 1 if any document is invalid.
//
//   node tests/WellnessPlatform.Deploy.Tests/k8s-schema.mjs [folder]
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

const repoRoot = resolve(fileURLToPath(import.meta.url), "../../..");
const folder = resolve(process.argv[2] ?? join(repoRoot, "deploy", "k8s"));

// kubectl reads manifests as YAML 1.1 (so `yes` is a boolean), but keeps dates as strings.
const yamlOptions = {
  version: "1.1",
  uniqueKeys: true,
  customTags: (tags) => tags.filter((t) => t.tag !== "tag:yaml.org,2002:timestamp"),
};

/** The model class of kubernetes-models for this apiVersion and kind, or undefined if it has none. */
async function modelFor(apiVersion, kind) {
  if (typeof apiVersion !== "string" || !/^([a-z0-9.-]+\/)?v[0-9a-z]+$/.test(apiVersion)) {
    return undefined;
  }
  let module;
  try {
    module = await import(`kubernetes-models/${apiVersion}`);
  } catch {
    return undefined;
  }
  const model = module[kind];
  return model?.apiVersion === apiVersion && model?.kind === kind ? model : undefined;
}

// The compiled schemas do not reject unknown fields (their code has no additionalProperties check), so
// each object is wrapped in a proxy that records which keys the validator looks up. A validator
// looks up every field its schema declares, present or not, and enumerates the keys only of maps
// (labels, resources); so a key of a looked-up, never-enumerated object that was never looked up
// is not in the schema. Objects never looked up (free-form ones such as RawExtension, or values of
// fields already reported unknown) are not judged.
function track(value, path, objects) {
  if (Array.isArray(value)) {
    return value.map((item, i) => track(item, `${path}/${i}`, objects));
  }
  if (value === null || typeof value !== "object") {
    return value;
  }
  const record = { path, keys: Object.keys(value), seen: new Set(), enumerated: false };
  objects.push(record);
  const target = Object.fromEntries(record.keys.map((k) => [k, track(value[k], `${path}/${k}`, objects)]));
  const note = (key) => typeof key === "string" && record.seen.add(key);
  return new Proxy(target, {
    get: (t, key, receiver) => (note(key), Reflect.get(t, key, receiver)),
    has: (t, key) => (note(key), Reflect.has(t, key)),
    getOwnPropertyDescriptor: (t, key) => (note(key), Reflect.getOwnPropertyDescriptor(t, key)),
    ownKeys: (t) => ((record.enumerated = true), Reflect.ownKeys(t)),
  });
}

function unknownFields(objects) {
  return objects
    .filter((o) => !o.enumerated && o.seen.size > 0)
    .flatMap((o) => o.keys.filter((k) => !o.seen.has(k)).map((k) => ({
      path: `${o.path}/${k}`,
      message: "is not a field of this object in the Kubernetes API schema",
    })));
}

/** Whether one parsed document had a schema to check against, and its errors as { path, message }. */
async function validate(data) {
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    return { validated: false, errors: [{ path: "", message: "is not a mapping (an object with apiVersion and kind)" }] };
  }
  const model = await modelFor(data.apiVersion, data.kind);
  if (!model) {
    const message = `has no Kubernetes API schema for apiVersion ${data.apiVersion} kind ${data.kind}`;
    return { validated: false, errors: [{ path: "", message }] };
  }
  const objects = [];
  const errors = [];
  try {
    // validate() checks `this`; calling it on the proxy (not a new model, whose constructor
    // would enumerate every key) lets the proxy see the validator's lookups.
    model.prototype.validate.call(track(data, "", objects));
  } catch (e) {
    if (!Array.isArray(e.errors)) throw e;
    errors.push(...e.errors.map((err) => ({ path: err.instancePath, message: err.message })));
  }
  return { validated: true, errors: [...errors, ...unknownFields(objects)] };
}

const result = { folder, files: [], documents: 0, validated: 0, errors: [] };
for (const file of readdirSync(folder).filter((f) => f.endsWith(".yaml")).sort()) {
  const docs = parseAllDocuments(readFileSync(join(folder, file), "utf8"), yamlOptions);
  result.files.push({ file, documents: docs.length });
  for (const [index, doc] of docs.entries()) {
    result.documents++;
    const where = { file, document: index };
    if (doc.errors.length > 0) {
      result.errors.push(...doc.errors.map((e) => ({ ...where, path: "", message: e.message })));
      continue;
    }
    const data = doc.toJS({ maxAliasCount: 100 });
    const { validated, errors } = await validate(data);
    result.validated += validated ? 1 : 0;
    const named = { ...where, kind: data?.kind ?? null, name: data?.metadata?.name ?? null };
    result.errors.push(...errors.map((e) => ({ ...named, ...e })));
  }
}

console.log(JSON.stringify(result, null, 2));
process.exitCode = result.errors.length > 0 ? 1 : 0;
