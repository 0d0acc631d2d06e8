import { expect, test } from "vitest";
import { can, isRole, ROLES, type Permission } from "./permissions";

const ALL: Permission[] = ["profile:edit", "module:read", "module:take", "council:view-members", "users:manage", "outbox:view", "audit:view"];

function permissionsOf(role: string) {
  return ALL.filter((permission) => can({ role }, permission));
}

test("a councillor can edit their profile and read and take modules, and nothing of anyone else's", () => {
  expect(permissionsOf("councillor")).toEqual(["profile:edit", "module:read", "module:take"]);
  expect(can({ role: "councillor" }, "users:manage")).toBe(false);
  expect(can({ role: "councillor" }, "council:view-members")).toBe(false);
});

test("a council officer can see their council's members and read modules, but cannot take them, manage accounts or read the audit log", () => {
  expect(permissionsOf("officer")).toEqual(["profile:edit", "module:read", "council:view-members"]);
  expect(can({ role: "officer" }, "module:take")).toBe(false);
  expect(can({ role: "officer" }, "audit:view")).toBe(false);
  expect(can({ role: "officer" }, "users:manage")).toBe(false);
  expect(can({ role: "officer" }, "outbox:view")).toBe(false);
});

test("association staff read modules, manage accounts and read the outbox and audit log", () => {
  expect(permissionsOf("staff")).toEqual(["profile:edit", "module:read", "users:manage", "outbox:view", "audit:view"]);
});

test("no one signed in, or an unknown role, can do nothing", () => {
  expect(ALL.filter((permission) => can(null, permission))).toEqual([]);
  expect(ALL.filter((permission) => can(undefined, permission))).toEqual([]);
  expect(permissionsOf("admin")).toEqual([]);
  expect(permissionsOf("Staff")).toEqual([]);
  // A role name that happens to be an Object property is not a role.
  expect(permissionsOf("constructor")).toEqual([]);
  expect(permissionsOf("__proto__")).toEqual([]);
});

test("only the three roles are roles", () => {
  expect(ROLES).toEqual(["councillor", "officer", "staff"]);
  expect(ROLES.every(isRole)).toBe(true);
  expect(isRole("admin")).toBe(false);
  expect(isRole("")).toBe(false);
});
