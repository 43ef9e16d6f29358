// Re-exports of src/sketch. Each module adds its own line here.
export {};
