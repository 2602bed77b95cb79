export { seededRandom } from "../../lib/random/seeded-random";
