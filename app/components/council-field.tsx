import { TextField } from "./forms";

/**
 * Council picker: a text box with the councils as suggestions (a native datalist, so it searches as
 * you type with or without JavaScript, and works with screen readers and phone keyboards).
 * The server matches the name typed against the list and says so if it is not one of them.
 */
export function CouncilField({
  councils,
  defaultValue,
  error,
  label = "Your council",
}: {
  councils: { id: string; name: string; welshName: string | null }[];
  defaultValue?: string;
  error?: string;
  label?: string;
}) {
  return (
    <>
      <TextField
        name="council"
        label={label}
        hint="Start typing the name of your council in English or Welsh, then choose it from the list, for example Leeds City Council or Cyngor Caerdydd."
        list="council-options"
        autoComplete="off"
        defaultValue={defaultValue}
        error={error}
        maxLength={120}
      />
      <datalist id="council-options">
        {councils.flatMap((council) => [
          <option key={council.id} value={council.name} />,
          council.welshName ? <option key={`${council.id}-cy`} value={council.welshName} label={council.name} /> : null,
        ])}
      </datalist>
      <details className="form-group">
        <summary>I cannot find my council</summary>
        <p className="secondary">
          The list has every council using Leadership Essentials: {councils.length} at present. If yours is missing, ask your
          member development or democratic services team to contact the association.
        </p>
      </details>
    </>
  );
}
