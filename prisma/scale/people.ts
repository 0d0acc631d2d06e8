// Plausible people for the national data set: names as varied as England's and Wales's councils, wards,
// party groups, and the words people write. Chosen with a seeded random, so every run names the same people.
import type { Random } from "~/learning/core";

const FIRST_NAMES = [
  "Amina", "Gareth", "Siobhan", "Tomasz", "Priya", "Helen", "Kwame", "Imran", "Claire", "Daniel", "Farah", "Margaret",
  "Yusuf", "Peter", "Nadia", "Stephen", "Grace", "Hamza", "David", "Shabana", "Ian", "Rachel", "Emeka", "Andrew",
  "Ruth", "Adeel", "Susan", "John", "Karen", "Paul", "Julie", "Mark", "Sarah", "Richard", "Linda", "Christopher",
  "Patricia", "Michael", "Elizabeth", "James", "Jennifer", "Robert", "Deborah", "Simon", "Alison", "Graham", "Joanne",
  "Neil", "Angela", "Martin", "Jacqueline", "Kevin", "Lorraine", "Nigel", "Tracey", "Rupert", "Fiona", "Sanjay",
  "Harjinder", "Mohammed", "Fatima", "Abdul", "Rukhsana", "Olufemi", "Chidi", "Adebayo", "Marcia", "Delroy", "Wei",
  "Mei", "Anil", "Sunita", "Rajesh", "Kulvinder", "Aisha", "Bilal", "Zainab", "Tariq", "Nasreen", "Agnieszka",
  "Piotr", "Ioana", "Mihai", "Sean", "Bridget", "Declan", "Roisin", "Hannah", "Oliver", "Charlotte", "Thomas",
  "Emily", "George", "Sophie", "Harry", "Lucy", "Jack", "Amelia", "Samuel", "Chloe", "Joseph", "Eleanor", "Matthew",
  "Victoria", "Luke", "Rebecca", "Adam", "Natalie", "Ben", "Laura", "Jonathan", "Kate", "Philip", "Gillian",
];
const SURNAMES = [
  "Hussain", "Walsh", "Kowalski", "Patel", "Bradshaw", "Mensah", "Khan", "Whitaker", "O'Connor", "Begum", "Thompson",
  "Ali", "Nolan", "Ahmed", "Clarke", "Okafor", "Singh", "Hughes", "Chaudhry", "Smith", "Brown", "Taylor", "Wilson",
  "Johnson", "White", "Martin", "Anderson", "Wood", "Wright", "Robinson", "Green", "Hall", "Lewis", "Harris", "Jackson",
  "Turner", "Hill", "Cooper", "Ward", "Moore", "King", "Watson", "Baker", "Harrison", "Young", "Allen", "Mitchell",
  "Kelly", "Cook", "Carter", "Richardson", "Bailey", "Collins", "Bell", "Shaw", "Murphy", "Miller", "Cox", "Marshall",
  "Simpson", "Ellis", "Chapman", "Webb", "Rogers", "Gray", "Mason", "Holmes", "Knight", "Lloyd", "Butler", "Barker",
  "Fletcher", "Dixon", "Riley", "Sharma", "Kaur", "Gill", "Mahmood", "Iqbal", "Rahman", "Miah", "Uddin", "Adeyemi",
  "Campbell", "Francis", "Chen", "Wong", "Nowak", "Popescu", "Byrne", "Doyle", "Fitzgerald", "Lowe", "Foster",
  "Pearson", "Hudson", "Barnes", "Palmer", "Fisher", "Stevens", "Dawson", "Spencer", "Hunt", "Burton", "Gibson",
];
const WELSH_FIRST_NAMES = [
  "Rhys", "Bethan", "Owen", "Catrin", "Sian", "Lowri", "Dafydd", "Elin", "Ieuan", "Gwen", "Aled", "Ffion", "Gethin",
  "Carys", "Owain", "Nia", "Llinos", "Huw", "Meinir", "Iwan", "Emyr", "Eleri", "Geraint", "Angharad", "Dylan",
  "Non", "Gwyn", "Rhian", "Alun", "Mererid", "Tudur", "Heledd", "Glyn", "Manon", "Bryn", "Delyth", "Hywel", "Sioned",
];
const WELSH_SURNAMES = [
  "Jones", "Williams", "Davies", "Evans", "Thomas", "Roberts", "Griffiths", "Price", "Morgan", "Rees", "Parry", "Owen",
  "Jenkins", "Powell", "Vaughan", "Bowen", "Pritchard", "Llywelyn", "Howells", "Pugh", "Edwards", "Hopkins", "Rowlands",
  "Meredith", "Gwynne", "Prosser", "Bevan", "Harries",
];

const WARD_WORDS = [
  "Abbey", "Castle", "Park", "Central", "Riverside", "St Mary's", "Hillside", "Moorside", "Brookfield", "Westfield",
  "Northgate", "Southgate", "Eastfield", "Old Town", "Harbour", "Valley", "Forest", "Meadows", "Kingsway", "Victoria",
  "Priory", "Church", "Mill", "Bridge", "Green", "Heath", "Grange", "Manor", "Market", "Station", "Chapel", "Beacon",
  "Oakwood", "Ashfield", "Elmhurst", "Greenhill", "Highfield", "Lakeside", "Northfield", "Redhill", "Woodlands",
];
const WELSH_WARD_WORDS = [
  "Pen-y-bryn", "Llanbadarn", "Trefor", "Maes-y-coed", "Glan-yr-afon", "Tŷ Gwyn", "Pentre", "Bryn", "Cwm", "Castell",
  "Llan", "Aber", "Coed-y-cwm", "Pant", "Nant", "Tre-gib", "Y Felin", "Cefn", "Rhos", "Llwyn", "Plas", "Dyffryn", "Gwaun",
];
const WARD_SUFFIXES = ["", " North", " South", " East", " West", " and District", " Central", " Rural"];

const ENGLISH_PARTIES: [string, number][] = [
  ["Labour", 30],
  ["Conservative", 25],
  ["Liberal Democrat", 15],
  ["Reform UK", 12],
  ["Green", 7],
  ["Independent", 11],
];
const WELSH_PARTIES: [string, number][] = [
  ["Labour", 34],
  ["Plaid Cymru", 22],
  ["Conservative", 14],
  ["Independent", 22],
  ["Liberal Democrat", 5],
  ["Green", 3],
];

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

export function weighted<T>(random: Random, items: readonly [T, number][]): T {
  const total = items.reduce((sum, [, weight]) => sum + weight, 0);
  let at = random() * total;
  for (const [item, weight] of items) if ((at -= weight) < 0) return item;
  return items[items.length - 1]![0];
}

export function personName(random: Random, welsh: boolean) {
  const first = welsh && random() < 0.6 ? pick(random, WELSH_FIRST_NAMES) : pick(random, FIRST_NAMES);
  const surname = welsh && random() < 0.6 ? pick(random, WELSH_SURNAMES) : pick(random, SURNAMES);
  return `${first} ${surname}`;
}

/** An address on the council's example domain, unique by the person's number. */
export function emailFor(name: string, councilSlug: string, number: number) {
  const local = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z]+/g, ".")
    .replace(/^\.|\.$/g, "");
  return `${local}.${number}@${councilSlug}.example`;
}

/** A council's wards: distinct names, each with two or three members. */
export function wardsOf(random: Random, count: number, welsh: boolean) {
  const words = welsh ? WELSH_WARD_WORDS : WARD_WORDS;
  const wards = new Set<string>();
  for (let tries = 0; wards.size < count && tries < count * 20; tries++) wards.add(`${pick(random, words)}${pick(random, WARD_SUFFIXES)}`);
  for (let n = 1; wards.size < count; n++) wards.add(`Ward ${n}`);
  return [...wards];
}

/** The council's party groups, weighted: each council leans its own way. */
export function partiesOf(random: Random, welsh: boolean): [string, number][] {
  return (welsh ? WELSH_PARTIES : ENGLISH_PARTIES).map(([party, weight]) => [party, weight * (0.3 + random() * 1.4)]);
}

/** What people write to a reflection prompt: short, in their own words, never read by anyone else. */
export const REFLECTIONS = [
  "Our ward has had three incidents near the mosque this year. I want to talk to the community safety officer before the next residents' meeting and ask what the council already knows.",
  "I realise I don't know who our Prevent lead is. Will ask democratic services on Monday.",
  "The hardest part for me is staying neutral at surgeries when people are angry about the same thing I am.",
  "Selflessness and objectivity: I declared an interest on the licensing panel last month but I am still not sure I drew the line in the right place. Need to read the code again.",
  "Next step: meet the two residents' groups together rather than separately, and listen first.",
  "I would ask the cabinet member how referrals are recorded and who checks the figures.",
  "Not sure yet. Come back to this after the planning training.",
  "I want to be clearer with residents about what a councillor can and cannot do, especially about housing allocations.",
  "Mae angen i mi siarad â'r swyddog diogelwch cymunedol cyn y cyfarfod nesaf.",
  "Write down the three people I would call first if something happened in the town centre on a Saturday night.",
];
