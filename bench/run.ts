import { runParserBench } from './parser.bench';

void runParserBench();
