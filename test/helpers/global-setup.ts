/** Nothing global yet: each test file builds its own app on its own database. */
export default function setup(): void {}
