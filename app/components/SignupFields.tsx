/** Name, email and password inputs shared by the sign-up and invite pages. */
export function SignupFields() {
  return (
    <>
      <label>
        Your name
        <input
          name="name"
          required
          maxLength={100}
          autoComplete="name"
          placeholder="Shown on your caret to co-editors"
        />
      </label>
      <label>
        Email
        <input name="email" type="email" required maxLength={254} autoComplete="username" />
      </label>
      <label>
        Password
        <input name="password" type="password" required minLength={10} maxLength={256} autoComplete="new-password" />
      </label>
    </>
  );
}
