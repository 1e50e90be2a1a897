// The demo contract lives in src/ui/demo-contract.ts (the cell, in src/ui, must not import src/demos).
export * from '../ui/demo-contract';
