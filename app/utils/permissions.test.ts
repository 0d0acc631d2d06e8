import { expect, test } from "vitest";
import { can, isRole, ROLES, type Permission } from "./permissions";

const ALL: Permission[] = ["profile:edit", "module:take", "council:view-members", "users:manage", "outbox:view", "audit:view"];

function permissionsOf(role: string) {
  return ALL.filter((permission) => can({ role }, permission));
}

test("a councillor can edit their profile and take modules, and nothing of anyone else's", () => {
  expect(permissionsOf("councillor")).toEqual(["profile:edit", "module:take"]);
  expect(can({ role: "councillor" }, "users:manage")).toBe(false);
  expect(can({ role: "councillor" }, "council:view-members")).toBe(false);
});

test("a council officer can see their council's members but cannot manage accounts or read the audit log", () => {
  expect(permissionsOf("officer")).toEqual(["profile:edit", "council:view-members"]);
  expect(can({ role: "officer" }, "audit:view")).toBe(false);
  expect(can({ role: "officer" }, "users:manage")).toBe(false);
  expect(can({ role: "officer" }, "outbox:view")).toBe(false);
});

test("association staff manage accounts and read the outbox and audit log", () => {
  expect(permissionsOf("staff")).toEqual(["profile:edit", "users:manage", "outbox:view", "audit:view"]);
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
