// Re-exports of src/stats. Each module adds its own line here.
export {};
