// Shipped scenarios, shard 2 of 4 (see scenario-suite.ts).
import { scenarioSuite } from './scenario-suite';

scenarioSuite(2);
