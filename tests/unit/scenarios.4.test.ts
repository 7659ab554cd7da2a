// Shipped scenarios, shard 4 of 4 (see scenario-suite.ts).
import { scenarioSuite } from './scenario-suite';

scenarioSuite(4);
