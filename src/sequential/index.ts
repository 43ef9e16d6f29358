// Re-exports of src/sequential. Each module adds its own line here.
export {};
