import { runCli } from './cli-run';

runCli();
