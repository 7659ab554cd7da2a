// Shipped scenarios, shard 3 of 4 (see scenario-suite.ts).
import { scenarioSuite } from './scenario-suite';

scenarioSuite(3);
