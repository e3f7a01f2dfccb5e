import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState, Section } from "~/components/ui";
import { NewCommitteeForm } from "~/features/partnerships/committee-form";
import { usePartnership } from "~/features/partnerships/use-partnership";

export default function Committees() {
  const { committees, viewer, partnership } = usePartnership();
  const { t } = useTranslation("partnerships");
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
      <div className="min-w-0 lg:col-span-2">
        <Section title={t("committees.title")} id="committee-list">
          {committees.length === 0 ? (
            <EmptyState title={t("committees.none")}>{t("committees.noneBody")}</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100">
              {committees.map((c) => (
                <li key={c.id} className="py-3">
                  <Link to={c.id} className="link text-base">
                    {c.name}
                  </Link>
                  {c.description ? <p className="text-sm text-slate-600">{c.description}</p> : null}
                  <p className="text-xs text-slate-500">
                    {[t("committees.members", { count: c.memberCount }), ...c.coChairs.map((cc) => t(`committees.coChair.${cc.side}`, { name: cc.name }))].join(" · ")}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </Section>
      </div>
      {viewer.canManage ? (
        <Section title={t("committees.new")} id="new-committee">
          <NewCommitteeForm partnershipId={partnership.id} />
        </Section>
      ) : null}
    </div>
  );
}
