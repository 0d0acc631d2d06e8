import { expect, test } from "vitest";
import { createCouncil } from "../../tests/factories";
import { findCouncilByName, getCouncil, listCouncils } from "./council.server";

test("a council is found by the name typed, in English or Welsh, whatever the case and spacing", async () => {
  const cardiff = await createCouncil({
    name: "Cardiff Council",
    welshName: "Cyngor Caerdydd",
    type: "welsh-principal",
    region: "Wales",
    nation: "wales",
  });
  expect((await findCouncilByName("  cardiff   council "))?.id).toBe(cardiff.id);
  expect((await findCouncilByName("CYNGOR CAERDYDD"))?.id).toBe(cardiff.id);
  expect(await findCouncilByName("Cardiff")).toBeNull();
  // Words run together are not the council's name.
  expect(await findCouncilByName("CyngorCaerdydd")).toBeNull();
  expect(await findCouncilByName("")).toBeNull();
  expect(await findCouncilByName("   ")).toBeNull();
});

test("the council list is in alphabetical order with each Welsh name beside its council", async () => {
  await createCouncil({ name: "Swansea Council", welshName: "Cyngor Abertawe", nation: "wales", region: "Wales" });
  await createCouncil({ name: "Leeds City Council", region: "Yorkshire and the Humber" });
  const councils = await listCouncils();
  const names = councils.map((council) => council.name);
  expect(names).toEqual([...names].sort());
  expect(names.indexOf("Leeds City Council")).toBeLessThan(names.indexOf("Swansea Council"));
  expect(councils.find((council) => council.name === "Swansea Council")).toEqual({
    id: expect.any(String),
    name: "Swansea Council",
    welshName: "Cyngor Abertawe",
    type: "district",
    region: "Wales",
  });
});

test("a council's page shows its name, type, region and nation", async () => {
  const council = await createCouncil({ name: "Gwynedd Council", welshName: "Cyngor Gwynedd", type: "welsh-principal", region: "Wales", nation: "wales" });
  expect(await getCouncil(council.id)).toEqual({ id: council.id, name: "Gwynedd Council", type: "welsh-principal", region: "Wales", nation: "wales" });
  expect(await getCouncil("no-such-council")).toBeNull();
});
