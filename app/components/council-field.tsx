import { useTranslation } from "react-i18next";
import { useLanguage } from "~/i18n/use-language";
import { formatNumber } from "~/i18n/format";
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
  label,
}: {
  councils: { id: string; name: string; welshName: string | null }[];
  defaultValue?: string;
  error?: string;
  label?: string;
}) {
  const { t } = useTranslation("auth");
  const language = useLanguage();
  return (
    <>
      <TextField
        name="council"
        label={label ?? t("councilField.label")}
        hint={t("councilField.hint")}
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
        <summary>{t("councilField.missing")}</summary>
        <p className="secondary">{t("councilField.missingHelp", { total: formatNumber(councils.length, language) })}</p>
      </details>
    </>
  );
}
